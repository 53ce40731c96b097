package serve

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a bytes.Buffer safe for the LogWriter's flushes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestLogWriter: every line logged, from many goroutines, comes out
// whole and once after Close, more than the buffer holds included.
func TestLogWriter(t *testing.T) {
	var out lockedBuffer
	lw := NewLogWriter(&out)
	log := slog.New(slog.NewTextHandler(lw, nil))
	const goroutines, lines = 8, 500
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range lines {
				log.Info("request", "g", g, "i", i, "path", strings.Repeat("x", i%97))
			}
		})
	}
	wg.Wait()
	if err := lw.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != goroutines*lines {
		t.Fatalf("%d lines, want %d", len(got), goroutines*lines)
	}
	seen := map[string]bool{}
	for _, l := range got {
		if !strings.HasPrefix(l, "time=") || !strings.Contains(l, " msg=request g=") {
			t.Fatalf("line cut or interleaved: %q", l)
		}
		i := strings.Index(l, " g=")
		key := l[i:strings.Index(l, " path=")]
		if seen[key] {
			t.Fatalf("line %s twice", key)
		}
		seen[key] = true
	}
	for g := range goroutines {
		if !seen[fmt.Sprintf(" g=%d i=%d", g, lines-1)] {
			t.Errorf("goroutine %d: last line missing", g)
		}
	}
	log.Info("after close")
	if err := lw.Close(); err != nil || !strings.HasSuffix(out.String(), "msg=\"after close\"\n") {
		t.Errorf("a line after Close: err %v, not written out", err)
	}
}
