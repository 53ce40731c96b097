//go:build unix

package tm

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on path (created if absent)
// and returns the function that releases it. Writers of one TM are
// serialised by it; readers need no lock, since writes are renames.
//
// The lock file is removed on release, so none is left beside the
// user's TM. That is safe because a writer that got the lock checks that
// path still names the file it locked; if a releasing writer removed it
// meanwhile, it tries again with a new file.
func lockFile(path string) (func(), error) {
	for {
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
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return func() {
				os.Remove(path)
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		f.Close() // removed by the writer before us: lock the new file
	}
}
