-- wrk script: POST one JSON body per request, cycling through the lines of a file.
--
--   wrk -t2 -c32 -d30s --latency -s bench/lookup.lua http://127.0.0.1:8001/v1/lookups \
--       -- bench/results/var/lookups.jsonl "$TOKEN"
--
-- Each thread starts at its own offset of the file. done() prints one JSON line with
-- the totals, the latency percentiles (microseconds) and the count of each status code.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local bodies = {}
local position = 0
statuses = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[2] and #args[2] > 0 then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
  position = math.floor(#bodies * id / 4)
end

function request()
  position = position % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[position])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for code, count in pairs(seen) do
      counts[tostring(code)] = (counts[tostring(code)] or 0) + count
    end
  end
  local parts = {}
  for code, count in pairs(counts) do
    parts[#parts + 1] = string.format('"%s": %d', code, count)
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, '
      .. '"timeout": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    table.concat(parts, ", ")))
end
