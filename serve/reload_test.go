package serve

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"tolmach/project"
)

// lookupIDs returns the ids a lookup of q finds.
func lookupIDs(t testing.TB, s *Server, q string) []string {
	t.Helper()
	w := do(t, s, "GET", "/api/v1/lookup?q="+url.QueryEscape(q), nil)
	var l project.Lookup
	decode(t, w, &l)
	var ids []string
	for _, r := range l.Results {
		ids = append(ids, r.ID)
	}
	return ids
}

func health(t testing.TB, s *Server) Health {
	t.Helper()
	var h Health
	decode(t, do(t, s, "GET", "/api/v1/health", nil), &h)
	return h
}

// bump gives a file a new modification time, as an edit in the same
// second on a coarse file system would not.
func bump(t testing.TB, path string, n int) {
	t.Helper()
	when := time.Now().Add(time.Duration(n) * time.Second)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// TestReloadOnChange: an edit of the glossary is served after the next
// poll; a broken edit keeps the last good version, is reported by
// health (and not retried until the file changes again); fixing it
// reloads and clears the report.
func TestReloadOnChange(t *testing.T) {
	s := newTestServer(t, Options{})
	ctx := context.Background()
	path := s.opts.Glossaries[0]
	orig, _ := os.ReadFile(path)
	if ids := lookupIDs(t, s, "многополярный мир"); len(ids) != 0 {
		t.Fatalf("found %v before the edit", ids)
	}
	s.poll(ctx) // nothing changed: no reload
	if h := health(t, s); h.Reloads != 0 {
		t.Fatalf("reloaded without a change: %+v", h)
	}
	added := string(orig) + "\n[multipolar-world]\nru: многополярный мир | preferred\nen: multipolar world | preferred\n"
	os.WriteFile(path, []byte(added), 0o644)
	bump(t, path, 1)
	s.poll(ctx)
	if ids := lookupIDs(t, s, "многополярный мир"); len(ids) == 0 || ids[0] != "multipolar-world" {
		t.Fatalf("after the edit: %v", ids)
	}
	if h := health(t, s); h.Reloads != 1 || h.Concepts != 4 || h.ReloadError != nil {
		t.Errorf("health after a reload: %+v", h)
	}

	// A broken edit: the last good version stays, health says why.
	os.WriteFile(path, []byte(added+"\n[broken\nru: x | prefered\n"), 0o644)
	bump(t, path, 2)
	s.poll(ctx)
	h := health(t, s)
	if h.ReloadError == nil || !strings.Contains(h.ReloadError.Message, "terms.glossary") || h.Concepts != 4 || h.Status != "ok" {
		t.Errorf("health after a broken edit: %+v", h)
	}
	if ids := lookupIDs(t, s, "многополярный мир"); len(ids) == 0 || ids[0] != "multipolar-world" {
		t.Errorf("the last good version is gone: %v", ids)
	}
	at := h.ReloadError.At
	s.poll(ctx) // the same broken file: not tried again
	if h := health(t, s); h.ReloadError == nil || !h.ReloadError.At.Equal(at) {
		t.Errorf("the broken file was reloaded again: %+v", h.ReloadError)
	}

	// Fixed: reloaded, the error cleared.
	os.WriteFile(path, orig, 0o644)
	bump(t, path, 3)
	s.poll(ctx)
	if h := health(t, s); h.ReloadError != nil || h.Concepts != 3 || h.Reloads != 2 {
		t.Errorf("health after the fix: %+v", h)
	}
	if ids := lookupIDs(t, s, "многополярный мир"); len(ids) != 0 {
		t.Errorf("the removed concept is still found: %v", ids)
	}

	// A deleted file is a failed reload too.
	os.Remove(path)
	s.poll(ctx)
	if h := health(t, s); h.ReloadError == nil || h.Concepts != 3 {
		t.Errorf("health after the glossary was deleted: %+v", h)
	}
}

// TestWatcher: with the watcher running (as `tolmach serve` does), an
// edit becomes visible without any call; the test waits for it with a
// generous bound (the poll interval is 250 ms by default).
func TestWatcher(t *testing.T) {
	s := newTestServer(t, Options{WatchInterval: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.watch(ctx)
	path := s.opts.TMs[0]
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Многополярный мир складывается.\tA multipolar world is taking shape.\n")
	f.Close()
	bump(t, path, 1)
	deadline := time.Now().Add(20 * time.Second)
	for health(t, s).Units != 4 {
		if time.Now().After(deadline) {
			t.Fatalf("the TM edit was not picked up: %+v", health(t, s))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSnapshotDrain: a request holding the old version keeps it usable
// through a reload; the old index is closed only when it is released.
func TestSnapshotDrain(t *testing.T) {
	s := newTestServer(t, Options{})
	old := s.acquire()
	if err := s.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.current.Load() == old {
		t.Fatal("Reload did not swap the version")
	}
	res, err := old.index.Lookup(context.Background(), indexQuery("шос"))
	if err != nil || len(res) == 0 {
		t.Fatalf("the old version was closed under a request: %v", err)
	}
	old.release()
	if _, err := old.index.Lookup(context.Background(), indexQuery("шос")); err == nil {
		t.Error("the old version is still open after its last release")
	}
}

// TestWatcherAfterClose: the watcher may still be polling, and a reload
// still loading, when the server closes; neither may panic or install a
// version nobody will release.
func TestWatcherAfterClose(t *testing.T) {
	s := newTestServer(t, Options{})
	path := s.opts.TMs[0]
	bump(t, path, 1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s.poll(context.Background()) // a changed file seen after Close
	if err := s.Reload(context.Background()); !errors.Is(err, errServerClosed) {
		t.Errorf("Reload after Close: %v, want errServerClosed", err)
	}
	if s.current.Load() != nil {
		t.Error("a reload after Close installed a version")
	}
}
