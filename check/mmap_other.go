//go:build !unix

package check

import "os"

// mapEntry reads a cache entry whole where memory mapping is not
// available.
func mapEntry(path string) ([]byte, error) {
	return os.ReadFile(path)
}
