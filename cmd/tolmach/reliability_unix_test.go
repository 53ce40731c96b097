//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"testing"
)

// maxRSS is the peak resident memory of a finished process, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes
	}
	return int64(ru.Maxrss) << 10 // kilobytes
}

// watchFIFO makes path a named pipe holding "FIFO-SECRET" for whoever
// opens it, and returns a function that reports whether anyone did: the
// writer's open blocks until a reader appears, so an open cannot slip by
// unseen. The watcher is released when the test ends.
func watchFIFO(t *testing.T, path string) (opened func() bool) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var (
		done = make(chan struct{})
		hit  = make(chan bool, 1)
	)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0) // blocks until a reader opens it
		if err != nil {
			hit <- false
			return
		}
		select {
		case <-done: // our own release below
			hit <- false
		default:
			hit <- true
			f.WriteString("FIFO-SECRET\n")
		}
		f.Close()
	}()
	var result *bool
	opened = func() bool {
		if result == nil {
			close(done)
			// Release the writer (if no one else did) by opening for reading.
			if r, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				defer r.Close()
			}
			v := <-hit
			result = &v
		}
		return *result
	}
	t.Cleanup(func() { opened() })
	return opened
}
