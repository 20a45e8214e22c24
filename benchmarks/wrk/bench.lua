-- One wrk script for every endpoint benchmarks/run.sh measures. Configured by the environment:
--   BENCH_METHOD        GET (default), POST, PUT, ...
--   BENCH_BODY_FILE     the request body; every "{{seq}}" in it becomes a value unique to this run,
--                       thread and request (so writes do not collide on unique columns)
--   BENCH_CONTENT_TYPE  Content-Type of the body (default application/json)
--   BENCH_COOKIE        a Cookie header (the session), BENCH_CSRF the X-CSRF-Token header,
--   BENCH_BEARER        an API token (Authorization: Bearer ...)
--   BENCH_OUT           where done() writes the figures as one JSON object (latencies in ms)
local method = os.getenv("BENCH_METHOD") or "GET"
local body_file = os.getenv("BENCH_BODY_FILE") or ""
local cookie = os.getenv("BENCH_COOKIE") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local bearer = os.getenv("BENCH_BEARER") or ""
local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())

wrk.method = method
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "application/json"
if cookie ~= "" then wrk.headers["Cookie"] = cookie end
if csrf ~= "" then wrk.headers["X-CSRF-Token"] = csrf end
if bearer ~= "" then wrk.headers["Authorization"] = "Bearer " .. bearer end

local template = nil
if body_file ~= "" then
    local f = assert(io.open(body_file, "rb"))
    template = f:read("*a")
    f:close()
    wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
    wrk.body = template
end

-- threads get a number, so that "{{seq}}" differs between them
local count = 0
function setup(thread)
    count = count + 1
    thread:set("thread_no", count)
end

if template ~= nil and string.find(template, "{{seq}}", 1, true) then
    local n = 0
    function request()
        n = n + 1
        local seq = run_id .. "-" .. tostring(thread_no or 0) .. "-" .. tostring(n)
        local body = string.gsub(template, "{{seq}}", seq)
        return wrk.format(nil, nil, nil, body)
    end
end

function done(summary, latency, requests)
    local out = os.getenv("BENCH_OUT")
    if out == nil or out == "" then return end
    local e = summary.errors
    local f = assert(io.open(out, "w"))
    local seconds = summary.duration / 1e6
    f:write(string.format(
        '{"requests":%d,"duration_s":%.3f,"bytes":%d,"rps":%.2f,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latency_ms":{"min":%.3f,"mean":%.3f,"stdev":%.3f,"max":%.3f,"p50":%.3f,"p90":%.3f,"p95":%.3f,"p99":%.3f}}\n',
        summary.requests, seconds, summary.bytes, summary.requests / seconds,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency.min / 1000, latency.mean / 1000, latency.stdev / 1000, latency.max / 1000,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000))
    f:close()
end
