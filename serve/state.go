package serve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"tolmach/check"
	"tolmach/glossary"
	"tolmach/index"
	"tolmach/project"
	"tolmach/tm/align"
)

// snapshot is one loaded version of the glossaries and TMs: what a
// request works with from start to end, whatever reloads happen
// meanwhile. It is reference counted: the server holds one reference
// while it is current and each request one while it runs; the last
// release closes its index and TMs (open new, swap, drain, close old).
type snapshot struct {
	refs atomic.Int64

	glossary *glossary.Glossary
	sources  []project.GlossarySource
	index    *index.Index
	checker  *check.Checker
	tms      *project.TMs
	stamps   []stamp // of every file watched, as read
	loaded   time.Time

	lookups *lookupCache // encoded answers of recent lookups

	anchorOnce sync.Once
	anchorer   align.Anchorer // the glossary's alignment anchors, built on first align
}

// stamp is what a watched file is compared by: existence, size and
// modification time.
type stamp struct {
	path    string
	exists  bool
	size    int64
	modTime time.Time
}

func stampOf(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{path: path}
	}
	return stamp{path: path, exists: true, size: fi.Size(), modTime: fi.ModTime()}
}

func sameStamps(a, b []stamp) bool { return slices.Equal(a, b) }

// release drops one reference; the last one closes the snapshot.
func (sn *snapshot) release() {
	if sn.refs.Add(-1) == 0 {
		sn.index.Close()
		sn.tms.Close()
	}
}

// glossaryAnchorer returns the alignment anchorer of the snapshot's
// glossary, built once.
func (sn *snapshot) glossaryAnchorer() align.Anchorer {
	sn.anchorOnce.Do(func() { sn.anchorer = project.GlossaryAnchorer(sn.glossary) })
	return sn.anchorer
}

// acquire returns the current snapshot with a reference taken; the
// caller releases it. A snapshot whose count already fell to zero is
// closed: the loop then takes the one that replaced it.
func (s *Server) acquire() *snapshot {
	sn := s.tryAcquire()
	if sn == nil {
		panic("serve: request on a closed server")
	}
	return sn
}

// tryAcquire is acquire for the watcher, which may still be polling
// when the server closes: it returns nil once the server is closed.
func (s *Server) tryAcquire() *snapshot {
	for {
		sn := s.current.Load()
		if sn == nil {
			return nil
		}
		n := sn.refs.Load()
		if n > 0 && sn.refs.CompareAndSwap(n, n+1) {
			return sn
		}
	}
}

// watchedPaths lists the files whose change means a reload.
func (s *Server) watchedPaths() []string {
	var out []string
	out = append(out, project.GlossaryPaths(s.opts.Config, s.opts.Glossaries)...)
	out = append(out, project.TMPaths(s.opts.Config, s.opts.TMs)...)
	return out
}

func (s *Server) stamps() []stamp {
	paths := s.watchedPaths()
	out := make([]stamp, len(paths))
	for i, p := range paths {
		out[i] = stampOf(p)
	}
	return out
}

// load reads the glossaries and TMs in use into a new snapshot. Nothing
// of the current one is touched: on error it stays in use.
func (s *Server) load(ctx context.Context) (*snapshot, error) {
	sn := &snapshot{stamps: s.stamps(), loaded: time.Now(), lookups: newLookupCache()}
	srcs, err := project.GlossariesInUse(s.opts.Config, s.opts.Glossaries)
	if err != nil {
		return nil, err
	}
	sn.sources = srcs
	g, err := project.Load(srcs)
	if err != nil {
		return nil, err
	}
	sn.glossary = g
	co, err := project.CheckOptions(s.opts.Config, s.opts.SourceLang, "")
	if err != nil {
		return nil, err
	}
	co.Glossary = g
	sn.checker = check.New(co)
	prepared := make(chan struct{})
	go func() { sn.checker.Prepare(); close(prepared) }()
	defer func() { <-prepared }()

	isrcs, err := project.IndexSources(srcs)
	if err != nil {
		return nil, err
	}
	load := func() (*glossary.Glossary, error) { return g, nil }
	if s.opts.CacheDir != "" {
		cache := &index.Cache{Dir: s.opts.CacheDir, Notify: func(msg string) { s.log.Info("index cache", "notice", msg) }}
		if sn.index, err = cache.Open(ctx, isrcs, load); err == nil {
			// A resident server looks up from memory (an index built in
			// memory is so already).
			if err = sn.index.Preload(ctx); err != nil {
				sn.index.Close()
			}
		}
	} else {
		sn.index, err = index.Build(ctx, g, "")
	}
	if err != nil {
		return nil, err
	}
	// Loading the index into memory leaves some hundred megabytes of
	// garbage at 50,000 concepts: return it to the system now rather
	// than when the scavenger gets to it, but a reserve for the first
	// requests (see returnGarbage).
	returnGarbage()
	tmCache := ""
	if s.opts.CacheDir != "" {
		tmCache = s.opts.CacheDir
	}
	sn.tms, err = project.OpenTMs(project.TMPaths(s.opts.Config, s.opts.TMs), tmCache)
	if err != nil {
		sn.index.Close()
		return nil, err
	}
	// A file changed while it was read would be read again at the next
	// poll: keep the stamps taken before reading.
	sn.refs.Store(1)
	return sn, nil
}

// reloadState is what health reports about the last reload.
type reloadState struct {
	mu      sync.Mutex
	err     error     // the last reload's error, nil when it succeeded
	at      time.Time // when it was tried
	tried   []stamp   // the files' stamps it was tried on
	reloads int       // successful reloads since start
}

// errServerClosed is returned by a reload that finished after Close.
var errServerClosed = errors.New("the server is closed")

// Reload reads the glossaries and TMs again and, when that succeeds,
// makes them current; requests in flight finish with the old ones. On
// error the current ones stay and the error is kept for health and
// logged.
func (s *Server) Reload(ctx context.Context) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	start := time.Now()
	sn, err := s.load(ctx)
	s.reload.mu.Lock()
	s.reload.at = start
	s.reload.err = err
	if err != nil {
		s.reload.tried = s.stamps()
	} else {
		s.reload.tried = nil
		s.reload.reloads++
	}
	s.reload.mu.Unlock()
	if err != nil {
		s.log.Error("reload failed; still serving the last good version", "error", err.Error())
		return err
	}
	if s.closed {
		// Closed while this version was loading: nobody will release it.
		sn.release()
		return errServerClosed
	}
	old := s.current.Swap(sn)
	if old != nil {
		old.release()
	}
	s.log.Info("reloaded", "concepts", len(sn.glossary.Concepts), "units", sn.tms.Units(), "ms", time.Since(start).Milliseconds())
	return nil
}

// watch polls the files in use and reloads when one changes, until ctx
// is done. Polling (a stat per file, four times a second) needs no
// platform's notification API, sees edits made through renames as
// editors do, and costs nothing measurable.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.opts.WatchInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.poll(ctx)
	}
}

// poll reloads when a file in use changed since the current version was
// loaded, unless the change is one a reload already failed on (a broken
// edit is reported once, then waited out until the next edit).
func (s *Server) poll(ctx context.Context) {
	now := s.stamps()
	sn := s.tryAcquire()
	if sn == nil {
		return // closed while the watcher was still polling
	}
	changed := !sameStamps(now, sn.stamps)
	sn.release()
	if !changed {
		return
	}
	s.reload.mu.Lock()
	failedOnThese := s.reload.err != nil && sameStamps(now, s.reload.tried)
	s.reload.mu.Unlock()
	if failedOnThese {
		return
	}
	s.Reload(ctx)
}

// loadError describes a load error for people, naming the files.
func loadError(err error) string { return fmt.Sprint(err) }
