-- wrk request from the environment: WRK_METHOD (default GET) and WRK_BODY (a JSON body for POST).
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
wrk.method = method
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
