//go:build unix

package tm

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on path (created if absent)
// and returns the function that releases it. Writers of one TM are
// serialised by it; readers need no lock, since writes are renames.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
