-- wrk script for uncached browse pages (issue #17): every request is a different page, 80 % study permalinks and
-- 20 % gallery pages with an agreement filter. PERMALINKS and GALLERIES name files of paths, one a line
-- (scripts/load/uncached-paths.sql writes them, shuffled). Each wrk thread walks both lists from its own offset, so
-- no path repeats within a run unless a run makes more requests than a list holds (the gallery list is the shorter
-- one: its pages then repeat; run the app with BrowseCache:PageSeconds=0 so a repeat is rendered again too).
-- OFFSET (default: the clock) moves the starting point so that consecutive runs start on different paths.
local function read(name)
  local paths = {}
  for line in io.lines(os.getenv(name)) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  return paths
end

local threads = {}
local next_id = 0

setup = function(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local permalinks, galleries
local p, g, n = 0, 0, 0

init = function(args)
  permalinks = read("PERMALINKS")
  galleries = read("GALLERIES")
  local offset = tonumber(os.getenv("OFFSET") or "") or os.time()
  -- Threads start half a list apart (wrk -t2), shifted by the offset.
  p = (offset * 7919 + id * math.floor(#permalinks / 2)) % #permalinks
  g = (offset * 13 + id * math.floor(#galleries / 2)) % #galleries
end

request = function()
  n = n + 1
  if n % 5 == 0 then
    g = g % #galleries + 1
    return wrk.format("GET", galleries[g])
  end
  p = p % #permalinks + 1
  return wrk.format("GET", permalinks[p])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d, errors %d (status %d), %.0f req/s, %.1f KB/response (headers included)\n", summary.requests,
    errors, summary.errors.status, summary.requests / (summary.duration / 1e6), summary.bytes / summary.requests / 1024))
  for _, q in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d %.2f ms\n", q, latency:percentile(q) / 1000))
  end
  io.write(string.format("max %.2f ms\n", latency.max / 1000))
end
