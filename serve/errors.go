package serve

import (
	"encoding/json"
	"net/http"
)

// apiError is the contract's error object:
// {"error": {"code": "…", "message": "…"}}.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError answers with the contract's error object. Codes:
// bad_request, not_found, method_not_allowed, too_large, unauthorized,
// forbidden, bad_host, unsupported_media_type, timeout, busy,
// unprocessable, internal.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(apiError{errorBody{Code: code, Message: msg}})
}

// Header values set on every JSON answer, made once: assigning them to
// the header map skips the key canonicalisation and the slice that
// Header.Set allocates per call. The slices are never appended to in
// place (their capacity is their length).
var (
	jsonContentType = []string{"application/json; charset=utf-8"}
	noStore         = []string{"no-store"}
)

// writeJSON answers 200 with v as JSON.
func writeJSON(w http.ResponseWriter, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
