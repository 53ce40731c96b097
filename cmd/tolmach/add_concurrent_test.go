package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"tolmach/glossary"
)

// TestAddConcurrent runs 8 tolmach processes adding 20 concepts each to
// one glossary file at the same time: every concept must land, and the
// file must stay well-formed throughout (the lock serialises
// read-modify-write; the rename makes each write atomic).
func TestAddConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tolmach")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, ext := range []string{".glossary", ".tbx"} {
		t.Run(ext, func(t *testing.T) {
			file := filepath.Join(dir, "shared"+ext)
			const procs, each = 8, 20
			var wg sync.WaitGroup
			errs := make(chan error, procs*each)
			for p := 0; p < procs; p++ {
				wg.Add(1)
				go func(p int) {
					defer wg.Done()
					for i := 0; i < each; i++ {
						cmd := exec.Command(bin, "add", "--glossary", file,
							"--ru", fmt.Sprintf("термин %d-%d", p, i), "--en", fmt.Sprintf("term %d-%d", p, i),
							"--id", fmt.Sprintf("t-%d-%d", p, i))
						cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+dir)
						if out, err := cmd.CombinedOutput(); err != nil {
							errs <- fmt.Errorf("process %d, add %d: %v\n%s", p, i, err, out)
							return
						}
					}
				}(p)
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			g, err := glossary.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Concepts) != procs*each {
				t.Fatalf("%d concepts in the file, want %d", len(g.Concepts), procs*each)
			}
			for p := 0; p < procs; p++ {
				for i := 0; i < each; i++ {
					if g.Lookup(fmt.Sprintf("t-%d-%d", p, i)) == nil {
						t.Errorf("t-%d-%d missing", p, i)
					}
				}
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".shared*.tmp*"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}
