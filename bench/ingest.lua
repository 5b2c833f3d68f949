-- wrk script: a case system posting placements, one per child, never the same child twice.
--
--   wrk -t2 -c32 -d30s --latency -s bench/ingest.lua http://127.0.0.1:8001 \
--       -- bench/results/var/children.txt "$TOKEN" 2 '{"placement_type": ...}'
--
-- The file holds one child id a line; thread k (of n) posts to lines k+1, k+1+n, ...
-- After the last id the thread wraps around (a repeat is refused, 422 overlap, and shows
-- as a non-2xx count). done() prints one JSON line like lookup.lua.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local children = {}
local position = 0
local step = 1
local body = ""
statuses = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      children[#children + 1] = line
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  step = tonumber(args[3])
  body = args[4]
  position = id + 1 - step
end

function request()
  position = position + step
  if position > #children then
    position = id + 1
  end
  return wrk.format(nil, "/v1/children/" .. children[position] .. "/placements", nil, body)
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
