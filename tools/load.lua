-- wrk script for make load (tools/load.py): requests the paths given after "--" in turn, and at the end
-- prints one JSON line with the request count, the errors and the latency distribution (1000 quantiles, µs),
-- so that tools/load.py can merge the distributions of several wrk processes.
local paths = {}
local next_path = 0

function init(args)
  for i, path in ipairs(args) do paths[i] = path end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local quantiles = {}
  for i = 1, 1000 do quantiles[i] = latency:percentile(i / 10) end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"quantiles_us": [%s]}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(quantiles, ", ")))
end
