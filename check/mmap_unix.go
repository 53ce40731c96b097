//go:build unix

package check

import (
	"os"
	"syscall"
)

// mapEntry maps a cache entry read-only into memory for good (see
// GlossaryCache.Mapped), its pages filled at once: the whole entry is
// read by its checksum anyway, and a fault per page of a fresh heap
// copy (what reading it costs) is slow on some virtual machines. Where
// mapping fails the file is read instead.
func mapEntry(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() == 0 || fi.Size() != int64(int(fi.Size())) {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
