package tm

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
)

// stamp identifies one version of a TM file: a cached index is used only
// while the file's size, modification time and CRC-32C all still agree.
// The CRC costs one read of the file (about 0.1 s for 200 MB from the
// page cache) and catches edits that keep size and time.
type stamp struct {
	size  int64
	mtime int64
	crc   uint32
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func fileStamp(path string) (stamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return stamp{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return stamp{}, err
	}
	h := crc32.New(castagnoli)
	if _, err := io.Copy(h, f); err != nil {
		return stamp{}, fmt.Errorf("%s: %w", path, err)
	}
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), crc: h.Sum32()}, nil
}

// DefaultCacheDir returns tolmach's cache directory:
// $XDG_CACHE_HOME/tolmach (or the platform's user cache directory).
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "tolmach")
}

// cachePath returns where the index of the TM at path is cached.
func cachePath(cacheDir, path string) string {
	if cacheDir == "" {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "tm", hex.EncodeToString(sum[:12])+".idx")
}

const cacheMagic = "tolmach-tm-index-v2\n"

var errStale = errors.New("stale cache")

// saveIndex writes x to file as a cache of the TM version st: temporary
// file, fsync, rename, so a reader never sees half an index.
func saveIndex(file string, st stamp, x *Index) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".idx-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	e := encoder{w: w}
	e.raw([]byte(cacheMagic))
	e.u64(uint64(st.size))
	e.u64(uint64(st.mtime))
	e.u32(st.crc)
	e.u32(uint32(len(x.langs)))
	for _, l := range x.langs {
		e.str(l)
	}
	e.u64(uint64(len(x.text)))
	e.raw(x.text)
	e.u32s(x.unitSegs)
	e.u32(uint32(len(x.segs)))
	for _, s := range x.segs {
		e.u32(uint32(s.lang))
		e.u32(s.off)
		e.u32(s.n)
		e.u32(s.seq.off)
		e.u32(s.seq.n)
	}
	e.u32s(x.seqs)
	for _, s := range x.ids {
		e.u32(s.off)
		e.u32(s.n)
	}
	for _, k := range x.keys {
		e.u64(k)
	}
	e.u32(uint32(len(x.postings)))
	total := 0
	for _, p := range x.postings {
		total += len(p)
	}
	e.u64(uint64(total))
	names := make([]string, len(x.postings))
	for t, id := range x.terms {
		names[id] = t
	}
	var buf []byte
	for id, p := range x.postings {
		e.str(names[id])
		buf = buf[:0]
		prev := uint32(0)
		for _, u := range p {
			buf = binary.AppendUvarint(buf, uint64(u-prev))
			prev = u
		}
		e.u32(uint32(len(p)))
		e.u32(uint32(len(buf)))
		e.raw(buf)
	}
	if e.err != nil {
		tmp.Close()
		return e.err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// loadIndex reads a cached index if it was made from TM version st.
func loadIndex(file string, st stamp) (*Index, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	d := decoder{b: data}
	if !bytes.Equal(d.raw(len(cacheMagic)), []byte(cacheMagic)) {
		return nil, errStale
	}
	got := stamp{size: int64(d.u64()), mtime: int64(d.u64()), crc: d.u32()}
	if d.err != nil || got != st {
		return nil, errStale
	}
	x := NewIndex()
	nl := int(d.u32())
	for i := 0; i < nl && d.err == nil; i++ {
		l := d.str()
		x.langIdx[l] = uint16(len(x.langs))
		x.langs = append(x.langs, l)
	}
	x.text = d.raw(int(d.u64()))
	x.unitSegs = d.u32s()
	ns := int(d.u32())
	if d.err != nil || ns > len(data) {
		return nil, errStale
	}
	x.segs = make([]segRef, ns)
	for i := range x.segs {
		x.segs[i] = segRef{lang: uint16(d.u32()), span: span{off: d.u32(), n: d.u32()}, seq: span{off: d.u32(), n: d.u32()}}
	}
	x.seqs = d.u32s()
	nu := len(x.unitSegs) - 1
	if nu < 0 || nu > len(data) {
		return nil, errStale
	}
	x.ids = make([]span, nu)
	for i := range x.ids {
		x.ids[i] = span{off: d.u32(), n: d.u32()}
	}
	x.keys = make([]uint64, nu)
	x.dedup = make(map[uint64]struct{}, nu)
	for i := range x.keys {
		x.keys[i] = d.u64()
		x.dedup[x.keys[i]] = struct{}{}
	}
	nt := int(d.u32())
	total := int(d.u64())
	if d.err != nil || nt > len(data) || total > 8*len(data) {
		return nil, errStale
	}
	x.postings = make([][]uint32, nt)
	x.terms = make(map[string]uint32, nt)
	// One backing array for all postings, not one per term.
	all := make([]uint32, 0, total)
	for id := 0; id < nt && d.err == nil; id++ {
		name := d.str()
		df := int(d.u32())
		enc := d.raw(int(d.u32()))
		start := len(all)
		prev := uint64(0)
		for k := 0; k < df && d.err == nil; k++ {
			v, n := binary.Uvarint(enc)
			if n <= 0 {
				d.err = errStale
				break
			}
			enc = enc[n:]
			prev += v
			all = append(all, uint32(prev))
		}
		x.terms[name] = uint32(id)
		x.postings[id] = all[start:len(all):len(all)]
	}
	if d.err != nil {
		return nil, errStale
	}
	for _, s := range x.segs {
		if int(s.off)+int(s.n) > len(x.text) || int(s.lang) >= len(x.langs) || int(s.seq.off)+int(s.seq.n) > len(x.seqs) {
			return nil, errStale
		}
	}
	return x, nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	b   [8]byte
}

func (e *encoder) raw(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}
func (e *encoder) u32(v uint32) { binary.LittleEndian.PutUint32(e.b[:4], v); e.raw(e.b[:4]) }
func (e *encoder) u64(v uint64) { binary.LittleEndian.PutUint64(e.b[:8], v); e.raw(e.b[:8]) }
func (e *encoder) str(s string) { e.u32(uint32(len(s))); e.raw([]byte(s)) }
func (e *encoder) u32s(v []uint32) {
	e.u32(uint32(len(v)))
	for _, x := range v {
		e.u32(x)
	}
}

type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) raw(n int) []byte {
	if d.err != nil || n < 0 || d.off+n > len(d.b) {
		d.err = errStale
		return nil
	}
	p := d.b[d.off : d.off+n : d.off+n]
	d.off += n
	return p
}
func (d *decoder) u32() uint32 {
	p := d.raw(4)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(p)
}
func (d *decoder) u64() uint64 {
	p := d.raw(8)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(p)
}
func (d *decoder) str() string { return string(d.raw(int(d.u32()))) }
func (d *decoder) u32s() []uint32 {
	n := int(d.u32())
	if n < 0 || n*4 > len(d.b)-d.off {
		d.err = errStale
		return nil
	}
	v := make([]uint32, n)
	for i := range v {
		v[i] = d.u32()
	}
	return v
}
