package tm

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"tolmach/internal/lang"
)

// Options say where a TM's index is cached and how progress is
// reported. The zero value caches nowhere and reports nothing.
type Options struct {
	// CacheDir is tolmach's cache directory ([DefaultCacheDir]); indexes
	// go to CacheDir/tm/. "" disables the cache.
	CacheDir string
	// Progress, if set, is called now and then during an import with
	// the bytes of input read so far and their total.
	Progress func(done, total int64)
}

// Open returns the index of the TM file at path: the cached one when
// the file has not changed since it was made, else one built by reading
// the file (and then cached). A file that cannot be read as a TM gives an
// error naming it, with line and column where they apply.
func Open(path string, opt Options) (*Index, error) {
	st, err := fileStamp(path)
	if err != nil {
		return nil, err
	}
	cp := cachePath(opt.CacheDir, path)
	if cp != "" {
		if x, err := loadIndex(cp, st); err == nil {
			return x, nil
		}
	}
	x := NewIndex()
	spilled := cp != "" && x.spill(filepath.Dir(cp)) == nil
	defer x.closeSpill()
	a := newAnalyser(func(u *Unit, an analysed) error { x.add(u, an); return nil })
	err = ReadFile(path, func(u *Unit) error { a.Add(u); return nil })
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if cp == "" {
		return x, nil
	}
	// Cache it, and use the cached copy: the texts were spilled to disk
	// while building, and the mapped copy costs no heap.
	if err := saveIndex(cp, st, x); err == nil {
		if y, err := loadIndex(cp, st); err == nil {
			return y, nil
		}
	}
	if spilled {
		// The cache cannot be written: build again, in memory.
		return Open(path, Options{})
	}
	return x, nil
}

// Result counts what an import or add did.
type Result struct {
	Read       int // units read from the inputs
	Added      int // units new to the TM
	Duplicates int // units whose text was already in the TM (or earlier in the input): the same visible forms ([lang.VisibleForm]), so the same text but for Unicode normalisation and spacing
	Skipped    int // units of the inputs with no Russian–English pair, not imported
	Total      int // units in the TM afterwards
}

// Import adds the units of the TMX, TSV and CSV files inputs to the TM
// at path (created if absent; its format follows its extension). It is
// all or nothing: if any input cannot be read, the TM is left exactly as
// it was and the error names the file, line and column. Units whose
// text is already in the TM (see [Unit.Key]) are skipped, and so are units
// without both a Russian and an English segment (counted in
// Result.Skipped); an input with units but none of them Russian–English
// is an error naming the languages it holds.
func Import(path string, inputs []string, opt Options) (Result, error) {
	var total int64
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil {
			return Result{}, err
		}
		total += fi.Size()
	}
	var done int64
	skipped := 0
	res, err := update(path, opt, func(add func(*Unit)) error {
		for _, in := range inputs {
			f, err := os.Open(in)
			if err != nil {
				return err
			}
			head := make([]byte, 512)
			n, _ := io.ReadFull(f, head)
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				f.Close()
				return err
			}
			var r io.Reader = f
			if opt.Progress != nil {
				r = &progressReader{r: f, done: &done, total: total, report: opt.Progress}
			}
			ruen, other := 0, 0
			langs := map[string]bool{}
			err = Read(r, in, FormatOf(in, head[:n]), func(u *Unit) error {
				_, ru := u.Segment("ru")
				_, en := u.Segment("en")
				if !ru || !en {
					other++
					for _, s := range u.Segments {
						langs[BaseLang(s.Lang)] = true
					}
					return nil
				}
				ruen++
				add(u)
				return nil
			})
			f.Close()
			if err != nil {
				return err
			}
			if ruen == 0 && other > 0 {
				names := make([]string, 0, len(langs))
				for l := range langs {
					names = append(names, l)
				}
				sort.Strings(names)
				return fmt.Errorf("%s: no ru–en units among %d; languages found: %s", in, other, strings.Join(names, ", "))
			}
			skipped += other
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	res.Skipped = skipped
	return res, nil
}

// Add adds units to the TM at path (created if absent), skipping those
// whose text it already holds (see [Unit.Key]), with the same guarantees as
// [Import].
func Add(path string, units []Unit, opt Options) (Result, error) {
	return update(path, opt, func(add func(*Unit)) error {
		for i := range units {
			if len(units[i].Segments) < 2 {
				return fmt.Errorf("unit %d: a unit needs segments in two languages", i+1)
			}
			for _, s := range units[i].Segments {
				if err := lang.CheckSegment(s.Text); err != nil {
					return fmt.Errorf("unit %d (%s): %w", i+1, s.Lang, err)
				}
			}
			u := units[i]
			add(&u)
		}
		return nil
	})
}

type progressReader struct {
	r      io.Reader
	done   *int64
	total  int64
	report func(done, total int64)
	since  int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	*p.done += int64(n)
	p.since += int64(n)
	if p.since >= 1<<20 || err == io.EOF {
		p.since = 0
		p.report(*p.done, p.total)
	}
	return n, err
}

// update runs one locked write of the TM at path: the units produce
// gives are deduplicated against the TM and each other, and the new ones
// are written after a verbatim copy of the existing file into a
// temporary file beside it, which is fsynced and renamed over the TM
// only when produce has succeeded. The updated index is then cached.
func update(path string, opt Options, produce func(add func(*Unit)) error) (res Result, err error) {
	unlock, err := lockFile(lockPath(path))
	if err != nil {
		return Result{}, fmt.Errorf("locking %s: %w", path, err)
	}
	defer unlock()
	removeStaleTemps(path)

	x := NewIndex()
	exists := true
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		exists = false
	} else if err != nil {
		return Result{}, err
	} else if x, err = Open(path, Options{CacheDir: opt.CacheDir}); err != nil {
		return Result{}, err
	}
	// The old version's index may map its cache file, which is replaced
	// below: unmapped when done, not left to the process's end.
	defer x.Close()
	if cp := cachePath(opt.CacheDir, path); cp != "" {
		if os.MkdirAll(filepath.Dir(cp), 0o755) == nil {
			x.spill(filepath.Dir(cp)) // new units' texts go to disk until the index is saved
		}
	}
	defer x.closeSpill()
	format := FormatOf(path, nil)
	if exists {
		format = formatOfFile(path)
	} else if _, err := ParseFormat(strings.TrimPrefix(filepath.Ext(path), ".")); err != nil {
		return Result{}, fmt.Errorf("%s: unknown TM file extension (want .tmx, .tsv or .csv)", path)
	}

	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return Result{}, err
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	crc := crc32.New(castagnoli)
	w := bufio.NewWriterSize(io.MultiWriter(tmp, crc), 1<<20)

	sink, err := startTM(w, path, exists, format)
	if err != nil {
		return Result{}, err
	}
	var writeErr error
	a := newAnalyser(func(u *Unit, an analysed) error {
		if !x.add(u, an) {
			res.Duplicates++
			return nil
		}
		res.Added++
		if writeErr == nil {
			writeErr = sink.write(u)
		}
		return nil
	})
	err = produce(func(u *Unit) { res.Read++; a.Add(u) })
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = writeErr
	}
	if err != nil {
		return Result{}, err
	}
	res.Total = x.Len()
	if exists && res.Added == 0 {
		return res, nil // nothing new: the TM is not touched
	}
	if err := sink.finish(); err != nil {
		return Result{}, err
	}
	if err := w.Flush(); err != nil {
		return Result{}, fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return Result{}, fmt.Errorf("writing %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		return Result{}, err
	}
	if err := tmp.Close(); err != nil {
		return Result{}, fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return Result{}, err
	}
	committed = true
	syncDir(dir)
	if cp := cachePath(opt.CacheDir, path); cp != "" {
		if fi, err := os.Stat(path); err == nil {
			_ = saveIndex(cp, stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), crc: crc.Sum32()}, x)
		}
	}
	return res, nil
}

// removeStaleTemps deletes the temporary files that writers killed
// before their rename left beside path. It runs with the lock held, and a
// writer makes its temporary file only while holding the lock, so any
// that exists now is an orphan.
func removeStaleTemps(path string) {
	prefix := "." + filepath.Base(path) + ".tmp-" // as update's CreateTemp names them
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && rest != "" && strings.Trim(rest, "0123456789") == "" && e.Type().IsRegular() {
			os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}

func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func formatOfFile(path string) Format {
	f, err := os.Open(path)
	if err != nil {
		return FormatOf(path, nil)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return FormatOf(path, head[:n])
}

// tmSink writes the new TM file: the existing content, the new units,
// and the end of the document.
type tmSink struct {
	w      *bufio.Writer
	format Format
	tail   string
	table  *TableWriter
	buf    strings.Builder
}

func (s *tmSink) write(u *Unit) error {
	if s.table != nil {
		return s.table.Write(u)
	}
	s.buf.Reset()
	appendTU(&s.buf, u)
	_, err := s.w.WriteString(s.buf.String())
	return err
}

func (s *tmSink) finish() error {
	if s.table != nil {
		return s.table.Close()
	}
	_, err := s.w.WriteString(s.tail)
	return err
}

// startTM writes the part of the new TM file that comes before the new
// units. An existing UTF-8 TMX is copied byte for byte up to its last
// </body>, so units tolmach does not fully model (tool-specific
// attributes, comments) survive an update; other TMX files are
// rewritten unit by unit. An existing table is copied whole.
func startTM(w *bufio.Writer, path string, exists bool, format Format) (*tmSink, error) {
	s := &tmSink{w: w, format: format}
	if format == TSV || format == CSV {
		comma := ','
		if format == TSV {
			comma = '\t'
		}
		if !exists {
			tw, err := NewTableWriter(w, comma, []string{"ru", "en"})
			s.table = tw
			return s, err
		}
		langs, err := copyTable(w, path, comma)
		if err != nil {
			return nil, err
		}
		s.table = &TableWriter{langs: langs}
		if comma == '\t' {
			s.table.tsv = w
		} else {
			s.table.csv = newCSVWriter(w)
		}
		return s, nil
	}
	if !exists {
		w.WriteString(tmxHead("*all*"))
		s.tail = tmxTail
		return s, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if cut, tail, ok := findSplice(f); ok {
		// Copy the file up to </body> without holding it in memory.
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		if _, err := io.CopyN(w, f, cut); err != nil {
			return nil, fmt.Errorf("copying %s: %w", path, err)
		}
		s.tail = tail
		return s, nil
	}
	// Not spliceable (UTF-16, another encoding, <body/>): rewrite.
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	w.WriteString(tmxHead("*all*"))
	s.tail = tmxTail
	err = Read(f, path, TMX, func(u *Unit) error { return s.write(u) })
	return s, err
}

// findSplice returns where new units go in a UTF-8 TMX file (the offset
// of its last </body>) and what follows it, reading only the file's
// first and last bytes.
func findSplice(f *os.File) (int64, string, bool) {
	fi, err := f.Stat()
	if err != nil {
		return 0, "", false
	}
	head := make([]byte, 512)
	n, _ := f.ReadAt(head, 0)
	if !utf8TMX(head[:n]) {
		return 0, "", false
	}
	from := max(0, fi.Size()-64<<10)
	tailBuf := make([]byte, fi.Size()-from)
	if _, err := f.ReadAt(tailBuf, from); err != nil && err != io.EOF {
		return 0, "", false
	}
	cut, ok := spliceAt(tailBuf)
	if !ok {
		return 0, "", false
	}
	return from + int64(cut), string(tailBuf[cut:]), true
}

// spliceAt returns the offset of the last </body> in data, a UTF-8
// TMX file or its end, where new units can be inserted.
func spliceAt(data []byte) (int, bool) {
	if !utf8TMX(data) {
		return 0, false
	}
	i := bytes.LastIndex(data, []byte("</body>"))
	if i < 0 {
		return 0, false
	}
	// Keep the indentation of </body> with it.
	for i > 0 && (data[i-1] == ' ' || data[i-1] == '\t') {
		i--
	}
	return i, true
}

// utf8TMX reports whether the start of a TMX file shows UTF-8: no UTF-16
// byte order mark or NUL bytes, and no XML declaration naming another
// encoding. UTF-8 bytes can be spliced in only then.
func utf8TMX(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	h := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if !bytes.HasPrefix(h, []byte("<?xml")) {
		return true
	}
	end := bytes.Index(h, []byte("?>"))
	if end < 0 {
		return false
	}
	decl := bytes.ToLower(h[:end])
	j := bytes.Index(decl, []byte("encoding"))
	if j < 0 {
		return true
	}
	enc := strings.TrimLeft(string(decl[j+len("encoding"):]), " \t=\"'")
	if k := strings.IndexAny(enc, "\"' "); k >= 0 {
		enc = enc[:k]
	}
	return enc == "utf-8" || enc == "utf8"
}

// tmxHead is the start of every TMX document tolmach writes.
func tmxHead(srcLang string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
	b.WriteString(`  <header creationtool="tolmach" creationtoolversion="1" segtype="sentence" o-tmf="tolmach" adminlang="en" srclang="`)
	escapeAttr(&b, srcLang)
	b.WriteString("\" datatype=\"plaintext\"/>\n  <body>\n")
	return b.String()
}

// copyTable copies an existing table TM and returns the languages of
// its columns, so appended rows follow its header.
func copyTable(w *bufio.Writer, path string, comma rune) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text, err := decodeTable(data, path)
	if err != nil {
		return nil, err
	}
	first := text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		first = text[:i]
	}
	var header []string
	if comma == '\t' {
		header = strings.Split(strings.TrimSuffix(first, "\r"), "\t")
	} else {
		header = strings.Split(strings.TrimSuffix(first, "\r"), ",")
	}
	cols, err := parseTableHeader(path, header)
	if err != nil {
		return nil, err
	}
	if cols.id >= 0 || cols.note >= 0 || cols.document >= 0 || len(cols.langs) != len(header) {
		// Extra columns: rows are written ru, en, id only where the
		// header is exactly that; otherwise rewrite in tolmach's layout.
		if !(len(header) == 3 && cols.id == 2 && len(cols.langs) == 2) {
			return nil, fmt.Errorf("%s: can only add to a table whose columns are languages (and a final id)", path)
		}
	}
	langs := make([]string, len(cols.langs))
	for i := range langs {
		langs[i] = cols.langs[i]
	}
	w.WriteString(text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		w.WriteByte('\n')
	}
	return langs, nil
}

// analyser runs unit analysis (tokenising and stemming, the costly part
// of indexing) on all CPUs while keeping units in input order for the
// consumer, which alone touches the index.
type analyser struct {
	batch []Unit
	jobs  chan *analysisJob
	order chan *analysisJob
	done  chan error
}

type analysisJob struct {
	units []Unit
	res   chan []analysed
}

func newAnalyser(consume func(*Unit, analysed) error) *analyser {
	a := &analyser{jobs: make(chan *analysisJob, 8), order: make(chan *analysisJob, 32), done: make(chan error, 1)}
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			for j := range a.jobs {
				r := make([]analysed, len(j.units))
				for k := range j.units {
					r[k] = analyseUnit(&j.units[k])
				}
				j.res <- r
			}
		}()
	}
	go func() {
		var err error
		for j := range a.order {
			r := <-j.res
			if err != nil {
				continue
			}
			for k := range j.units {
				if err = consume(&j.units[k], r[k]); err != nil {
					break
				}
			}
		}
		a.done <- err
	}()
	return a
}

// Add queues a copy of u for analysis.
func (a *analyser) Add(u *Unit) {
	a.batch = append(a.batch, *u)
	if len(a.batch) >= 256 {
		a.flush()
	}
}

func (a *analyser) flush() {
	j := &analysisJob{units: a.batch, res: make(chan []analysed, 1)}
	a.batch = nil
	a.order <- j
	a.jobs <- j
}

// Close waits until every queued unit has been consumed and returns the
// consumer's first error.
func (a *analyser) Close() error {
	if len(a.batch) > 0 {
		a.flush()
	}
	close(a.jobs)
	close(a.order)
	return <-a.done
}

var _ hash.Hash32 = crc32.New(castagnoli)
