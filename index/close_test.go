package index

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

// TestCloseDuringLookups: closing an index while lookups run (a server
// reloading its glossary) neither panics nor races (go test -race):
// each lookup finds its concept or fails with ErrClosed, and lookups
// after Close fail with ErrClosed.
func TestCloseDuringLookups(t *testing.T) {
	_, g := builtin(t)
	for _, dir := range []string{"", filepath.Join(t.TempDir(), "x")} {
		x, err := Build(context.Background(), g, dir)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make(chan error, 64)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for range 20 {
					res, err := x.Lookup(context.Background(), Query{Text: "шос"})
					switch {
					case errors.Is(err, ErrClosed):
					case err != nil:
						errs <- err
						return
					case len(res) == 0 || res[0].Concept.ID != "sco":
						errs <- errors.New("lookup of шос did not find sco")
						return
					}
				}
			}()
		}
		close(start)
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if _, err := x.Lookup(context.Background(), Query{Text: "шос"}); !errors.Is(err, ErrClosed) {
			t.Errorf("lookup after Close: %v, want ErrClosed", err)
		}
		if err := x.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	}
}
