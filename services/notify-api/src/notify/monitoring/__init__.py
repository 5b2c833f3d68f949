"""What notify-api shows Prometheus: backlog, attempts, endpoint states, duties, intake."""
