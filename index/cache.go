package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tolmach/glossary"
)

// Source is one glossary an index is built from: a file on disk (Path)
// or content in memory, such as the built-in glossary embedded in the
// binary (Name and Data).
type Source struct {
	// Path is a glossary file. Its index stays fresh while its size and
	// modification time are unchanged, or, when they change, while its
	// content hash is.
	Path string
	// Name labels in-memory content (for example "builtin"); Data is the
	// content, hashed into the cache key. Data may be a concatenation of
	// several files: only its hash matters.
	Name string
	Data []byte

	sum string // hex SHA-256 of Data, computed once by key
}

// String names the source for people: its path, or its name.
func (s Source) String() string {
	if s.Path != "" {
		return s.Path
	}
	return s.Name
}

// Cache keeps glossary indexes on disk under Dir/index, one directory per
// list of glossaries, so that a lookup opens a ready index instead of
// parsing glossaries. A Cache is safe for concurrent use by any number of
// processes: builds are serialised by a lock file and renamed into place,
// lookups open indexes read-only.
type Cache struct {
	// Dir is the cache root, normally [DefaultCacheDir].
	Dir string
	// Notify receives one-line notices for people: a corrupt index
	// discarded, an unwritable cache replaced by an index in memory.
	// nil discards them.
	Notify func(msg string)
	// LockTimeout bounds the wait for another process's build (and for
	// bbolt's lock); zero means DefaultLockTimeout.
	LockTimeout time.Duration
}

// DefaultLockTimeout is how long a process waits for another one
// building the same index: a 50,000-concept build takes seconds.
const DefaultLockTimeout = 2 * time.Minute

// openTimeout bounds the wait for bbolt's lock when opening an index
// read-only. Only builders take it exclusively, and they build in a
// temporary directory, so a wait means something is wrong.
const openTimeout = "5s"

// DefaultCacheDir returns $XDG_CACHE_HOME/tolmach, or ~/.cache/tolmach
// when XDG_CACHE_HOME is unset (the platform's cache directory elsewhere).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the cache directory: %w", err)
	}
	return filepath.Join(dir, "tolmach"), nil
}

// manifest describes a cached index: what it was built from and how.
// It is written last, so an entry with a readable manifest is complete.
type manifest struct {
	Version  string        `json:"version"`
	Key      string        `json:"key"`
	Built    time.Time     `json:"built"`
	Concepts int           `json:"concepts"`
	Sources  []sourceState `json:"sources"`
}

// sourceState is what freshness is decided on: size and modification
// time first (a stat, no read), the content hash when they differ.
type sourceState struct {
	Path    string `json:"path,omitempty"`
	Name    string `json:"name,omitempty"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime_ns,omitempty"`
	SHA256  string `json:"sha256"`
}

const (
	manifestName = "manifest.json"
	bleveName    = "bleve"
)

func (c *Cache) notify(format string, args ...any) {
	if c.Notify != nil {
		c.Notify(fmt.Sprintf(format, args...))
	}
}

func (c *Cache) lockTimeout() time.Duration {
	if c.LockTimeout > 0 {
		return c.LockTimeout
	}
	return DefaultLockTimeout
}

// root is the directory holding all cached glossary indexes.
func (c *Cache) root() string { return filepath.Join(c.Dir, "index") }

// key returns the cache key of a list of sources: a hash of the analysis
// version, each file's absolute path and each in-memory source's
// content. Files' contents are not part of the key (that would mean
// reading them on every lookup); the manifest keeps their state.
func key(srcs []Source) (string, []Source, error) {
	h := sha256.New()
	io.WriteString(h, AnalysisVersion+"\x00")
	out := make([]Source, len(srcs))
	for i, s := range srcs {
		switch {
		case s.Path != "":
			abs, err := filepath.Abs(s.Path)
			if err != nil {
				return "", nil, fmt.Errorf("%s: %w", s.Path, err)
			}
			s.Path = abs
			fmt.Fprintf(h, "file\x00%s\x00", abs)
		default:
			s.sum = hashHex(s.Data)
			fmt.Fprintf(h, "data\x00%s\x00%s\x00", s.Name, s.sum)
		}
		out[i] = s
	}
	return "glossary-" + hex.EncodeToString(h.Sum(nil))[:20], out, nil
}

// Status describes the cached index of a list of glossaries.
type Status struct {
	Dir      string    // the index's directory
	Exists   bool      // a complete index is there
	Fresh    bool      // and it was built from the glossaries as they are now
	Reason   string    // why it is not fresh, for people
	Concepts int       // concepts indexed
	Built    time.Time // when it was built
	Bytes    int64     // its size on disk
	Sources  []string  // what it was built from
}

// Status reports on the cached index of srcs without building or opening
// it.
func (c *Cache) Status(srcs []Source) (Status, error) {
	k, abs, err := key(srcs)
	if err != nil {
		return Status{}, err
	}
	dir := filepath.Join(c.root(), k)
	st := Status{Dir: dir}
	m, err := readManifest(dir)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			st.Reason = "not built yet"
		default:
			st.Reason = "unreadable: " + err.Error()
		}
		return st, nil
	}
	st.Exists, st.Concepts, st.Built = true, m.Concepts, m.Built
	for _, s := range m.Sources {
		st.Sources = append(st.Sources, s.Path+s.Name)
	}
	st.Bytes = dirSize(dir)
	if ok, reason := fresh(m, abs); ok {
		st.Fresh = true
	} else {
		st.Reason = reason
	}
	return st, nil
}

// Open returns an index of the glossaries srcs, opened read-only from
// the cache when a fresh one is there. Otherwise it calls load, builds
// the index in a temporary directory and renames it into place (another
// process building the same index is waited for, not raced). A corrupt
// cached index is discarded and rebuilt, with a notice. When the cache
// cannot be written, the index is built in memory, with a notice.
func (c *Cache) Open(ctx context.Context, srcs []Source, load func() (*glossary.Glossary, error)) (*Index, error) {
	k, abs, err := key(srcs)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(c.root(), k)
	if m, err := readManifest(dir); err == nil {
		if ok, _ := fresh(m, abs); ok {
			if x, err := Open(filepath.Join(dir, bleveName), openTimeout); err == nil {
				x.concepts = m.Concepts
				if needsTouch(m, abs) {
					c.touch(dir, abs)
				}
				return x, nil
			}
			// Possibly replaced under us by a rebuild: decide under the lock.
		}
	}
	return c.build(ctx, k, abs, load, false)
}

// Rebuild builds the index of srcs afresh, whatever the cache holds, and
// returns it open.
func (c *Cache) Rebuild(ctx context.Context, srcs []Source, load func() (*glossary.Glossary, error)) (*Index, error) {
	k, abs, err := key(srcs)
	if err != nil {
		return nil, err
	}
	return c.build(ctx, k, abs, load, true)
}

// build builds the index of key k under its lock, unless (and force is
// not set) another process has built it meanwhile.
func (c *Cache) build(ctx context.Context, k string, srcs []Source, load func() (*glossary.Glossary, error), force bool) (*Index, error) {
	root := c.root()
	dir := filepath.Join(root, k)
	unlock, err := c.lock(ctx, root, k)
	if err != nil {
		if errors.Is(err, errUnwritable) {
			c.notify("warning: %v; using an index in memory", err)
			return buildInMemory(ctx, load)
		}
		return nil, err
	}
	defer unlock()
	// Temporary directories of this key left by a build that was killed:
	// nobody else builds this key while the lock is held.
	if stale, _ := filepath.Glob(filepath.Join(root, ".tmp-"+k+"-*")); len(stale) > 0 {
		for _, d := range stale {
			os.RemoveAll(d)
		}
	}
	m, merr := readManifest(dir)
	if !force && merr == nil {
		if ok, _ := fresh(m, srcs); ok {
			x, err := Open(filepath.Join(dir, bleveName), openTimeout)
			if err == nil {
				x.concepts = m.Concepts
				return x, nil
			}
			c.notify("notice: the index cache %s is corrupt (%v); rebuilding it", dir, err)
		}
	} else if !force && !errors.Is(merr, fs.ErrNotExist) {
		c.notify("notice: the index cache %s is corrupt (%v); rebuilding it", dir, merr)
	}
	// The sources' state is taken before they are read: a file that
	// changes while it is read then looks changed to the next lookup,
	// which rebuilds, instead of fresh with stale content.
	states, err := sourceStates(srcs)
	if err != nil {
		return nil, err
	}
	g, err := load()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(root, ".tmp-"+k+"-")
	if err != nil {
		c.notify("warning: cannot write the index cache (%v); using an index in memory", err)
		return Build(ctx, g, "")
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	x, err := Build(ctx, g, filepath.Join(tmp, bleveName))
	if err != nil {
		return nil, err
	}
	if err := x.Close(); err != nil {
		return nil, fmt.Errorf("building index in %s: %w", tmp, err)
	}
	nm := manifest{Version: AnalysisVersion, Key: k, Built: time.Now().UTC(), Concepts: len(g.Concepts), Sources: states}
	if err := writeManifest(tmp, nm); err != nil {
		return nil, err
	}
	if err := syncTree(tmp); err != nil {
		return nil, fmt.Errorf("building index in %s: %w", tmp, err)
	}
	if err := replaceDir(root, dir, tmp); err != nil {
		return nil, err
	}
	x, err = Open(filepath.Join(dir, bleveName), openTimeout)
	if err != nil {
		return nil, err
	}
	x.concepts = nm.Concepts
	return x, nil
}

func buildInMemory(ctx context.Context, load func() (*glossary.Glossary, error)) (*Index, error) {
	g, err := load()
	if err != nil {
		return nil, err
	}
	return Build(ctx, g, "")
}

// replaceDir puts the complete directory tmp at dir: the old one, if
// any, is renamed aside and removed. Readers that opened the old index
// keep their open files; readers arriving between the two renames find
// no index and wait on the lock the builder holds.
func replaceDir(root, dir, tmp string) error {
	var old string
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("replacing index %s: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("replacing index %s: %w", dir, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return syncDir(root)
}

// Clean removes every cached index and returns how many there were and
// the bytes freed. Processes using an index keep their open files.
func (c *Cache) Clean() (entries int, bytes int64, err error) {
	root := c.root()
	des, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cleaning the index cache: %w", err)
	}
	for _, de := range des {
		p := filepath.Join(root, de.Name())
		if de.IsDir() {
			if !strings.HasPrefix(de.Name(), ".") {
				entries++
			}
			bytes += dirSize(p)
		}
		if err := os.RemoveAll(p); err != nil {
			return entries, bytes, fmt.Errorf("cleaning the index cache: %w", err)
		}
	}
	if err := os.Remove(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return entries, bytes, fmt.Errorf("cleaning the index cache: %w", err)
	}
	return entries, bytes, nil
}

// Entries returns the number of cached indexes and their total size.
func (c *Cache) Entries() (n int, bytes int64) {
	des, _ := os.ReadDir(c.root())
	for _, de := range des {
		if de.IsDir() && !strings.HasPrefix(de.Name(), ".") {
			n++
			bytes += dirSize(filepath.Join(c.root(), de.Name()))
		}
	}
	return n, bytes
}

func readManifest(dir string) (manifest, error) {
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("%s: %w", filepath.Join(dir, manifestName), err)
	}
	if m.Version != AnalysisVersion {
		return m, fmt.Errorf("%s: analysis version %q, want %q", filepath.Join(dir, manifestName), m.Version, AnalysisVersion)
	}
	return m, nil
}

// writeManifest writes m into dir atomically: temporary file, fsync,
// rename.
func writeManifest(dir string, m manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".manifest-")
	if err != nil {
		return fmt.Errorf("writing index manifest: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", f.Name(), err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", f.Name(), err)
	}
	return os.Rename(f.Name(), filepath.Join(dir, manifestName))
}

// fresh decides whether an index with manifest m is up to date for
// srcs (absolute paths): the same sources in the same order, each file
// with the size and modification time recorded or, failing that, the
// same content hash. It reads a file only when its stat differs.
func fresh(m manifest, srcs []Source) (bool, string) {
	if len(m.Sources) != len(srcs) {
		return false, "built from other glossaries"
	}
	for i, s := range srcs {
		r := m.Sources[i]
		if s.Path == "" {
			if r.Name != s.Name || r.SHA256 != s.sum {
				return false, s.Name + " changed"
			}
			continue
		}
		if r.Path != s.Path {
			return false, "built from other glossaries"
		}
		fi, err := os.Stat(s.Path)
		if err != nil {
			return false, err.Error()
		}
		if fi.Size() == r.Size && fi.ModTime().UnixNano() == r.ModTime {
			continue
		}
		sum, err := hashFileHex(s.Path)
		if err != nil {
			return false, err.Error()
		}
		if sum != r.SHA256 {
			return false, s.Path + " changed"
		}
	}
	return true, ""
}

// touch records new modification times of files whose content did not
// change (a checkout, a touch), so the next lookup decides on a stat
// again. It is only an optimisation: it gives up when another process
// holds the build lock (which may be replacing the index), and ignores
// failures.
func (c *Cache) touch(dir string, srcs []Source) {
	f, err := os.OpenFile(dir+".lock", os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if ok, err := tryLock(f); !ok || err != nil {
		return
	}
	defer unlock(f)
	m, err := readManifest(dir) // the current one, under the lock
	if err != nil || len(m.Sources) != len(srcs) {
		return
	}
	changed := false
	for i, s := range srcs {
		if s.Path == "" || m.Sources[i].Path != s.Path {
			continue
		}
		fi, err := os.Stat(s.Path)
		if err != nil {
			return
		}
		if fi.Size() == m.Sources[i].Size && fi.ModTime().UnixNano() == m.Sources[i].ModTime {
			continue
		}
		sum, err := hashFileHex(s.Path)
		if err != nil || sum != m.Sources[i].SHA256 {
			return // changed after all: the next lookup rebuilds
		}
		m.Sources[i].Size, m.Sources[i].ModTime = fi.Size(), fi.ModTime().UnixNano()
		changed = true
	}
	if changed {
		_ = writeManifest(dir, m)
	}
}

// needsTouch reports whether a file source's stat differs from the
// manifest's (its content having been found unchanged by fresh).
func needsTouch(m manifest, srcs []Source) bool {
	for i, s := range srcs {
		if s.Path == "" {
			continue
		}
		fi, err := os.Stat(s.Path)
		if err != nil || fi.Size() != m.Sources[i].Size || fi.ModTime().UnixNano() != m.Sources[i].ModTime {
			return true
		}
	}
	return false
}

// sourceStates records the state of each source as the index is built
// from it. A file is stat'ed before it is hashed, so a change during
// the build makes the next lookup check the hash again.
func sourceStates(srcs []Source) ([]sourceState, error) {
	out := make([]sourceState, len(srcs))
	for i, s := range srcs {
		if s.Path == "" {
			out[i] = sourceState{Name: s.Name, Size: int64(len(s.Data)), SHA256: s.sum}
			continue
		}
		fi, err := os.Stat(s.Path)
		if err != nil {
			return nil, err
		}
		sum, err := hashFileHex(s.Path)
		if err != nil {
			return nil, err
		}
		out[i] = sourceState{Path: s.Path, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), SHA256: sum}
	}
	return out, nil
}

func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashFileHex is hashHex of a file's content, streamed: a glossary is
// not held in memory twice (or at all, when it is then refused).
func hashFileHex(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// syncTree fsyncs every file and directory under dir, so that a renamed
// index is whole on disk even after a crash.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
			return fmt.Errorf("%s: %w", p, err)
		}
		return nil
	})
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	_ = f.Sync() // not every file system can sync a directory
	return nil
}

// errUnwritable marks a cache directory tolmach cannot write.
var errUnwritable = errors.New("cannot write the index cache")

// lock takes the build lock of key k, creating the cache root if needed;
// it fails with errUnwritable when the root cannot be written.
func (c *Cache) lock(ctx context.Context, root, k string) (func(), error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("%w %s: %v", errUnwritable, root, err)
	}
	f, err := os.OpenFile(filepath.Join(root, k+".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", errUnwritable, root, err)
	}
	deadline := time.Now().Add(c.lockTimeout())
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
		}
		if ok {
			return func() { unlock(f); f.Close() }, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("timed out after %v waiting for another tolmach building the index (lock %s)", c.lockTimeout(), f.Name())
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
