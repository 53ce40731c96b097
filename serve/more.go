package serve

import "net/http"

// moreRoutes lists the endpoints beyond health and lookup.
func (s *Server) moreRoutes() []struct {
	method, path string
	h            http.HandlerFunc
} {
	return nil
}
