package check

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
)

// TestCheckSharedDocuments: checks running at once on the same two
// documents (as a server's requests may) neither race (go test -race)
// nor change the documents: every result is the first one's, and the
// documents' tokens are still there afterwards.
func TestCheckSharedDocuments(t *testing.T) {
	root := repoRoot(t)
	src, tgt, err := ReadPair(filepath.Join(root, "data/samples/sco-eurasia.ru.txt"), filepath.Join(root, "data/samples/sco-eurasia.en.txt"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Glossary: builtinGlossary(t)})
	first, err := c.Check(context.Background(), src, tgt)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(first.Findings)
	if len(first.Findings) == 0 {
		t.Fatal("the sample pair has deliberate errors; none found")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := c.Check(context.Background(), src, tgt)
			if err != nil {
				errs <- err.Error()
				return
			}
			if got, _ := json.Marshal(res.Findings); string(got) != string(want) {
				errs <- "a concurrent check found something else"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if src.tokens == nil || tgt.tokens == nil {
		t.Error("Check dropped the tokens of documents it does not own")
	}
}
