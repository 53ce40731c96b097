//go:build !unix

package tm

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// lockFile takes an exclusive lock on path by creating it exclusively,
// waiting while another writer holds it, and returns the function that
// releases it.
func lockFile(path string) (func(), error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
