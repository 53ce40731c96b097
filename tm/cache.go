package tm

import (
	"bufio"
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

const cacheMagic = "tolmach-tm-index-v4\n\x00\x00\x00\x00" // 24 bytes; v4: keys are visible forms

// byteOrderMark is written in the machine's order: a cache made on a
// machine of the other byte order reads it differently and is rebuilt.
const byteOrderMark = 0x01020304

var errStale = errors.New("stale cache")

// cacheHeader is the fixed part of a cached index after the magic.
type cacheHeader struct {
	Order                     uint32
	CRC                       uint32
	Size, MTime               int64
	Langs, Units, Segs, Terms uint64
	TextLen, SeqsLen, PostLen uint64
	NamesLen, LangsLen        uint64
}

// saveIndex writes x to file as a cache of the TM version st: temporary
// file, fsync, rename, so a reader never sees half an index. The layout
// is a header and arrays aligned to 8 bytes, so that loadIndex can map
// the file and use the arrays in place.
func saveIndex(file string, st stamp, x *Index) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".idx-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	names := make([]string, len(x.terms))
	namesLen := 0
	for t, id := range x.terms {
		names[id] = t
		namesLen += len(t)
	}
	postLen := 0
	for t := range names {
		postLen += len(x.postings(uint32(t)))
	}
	var langs []byte
	for _, l := range x.langs {
		langs = binary.LittleEndian.AppendUint32(langs, uint32(len(l)))
		langs = append(langs, l...)
	}
	h := cacheHeader{Order: byteOrderMark, CRC: st.crc, Size: st.size, MTime: st.mtime,
		Langs: uint64(len(x.langs)), Units: uint64(x.Len()), Segs: uint64(len(x.segs) / segStride), Terms: uint64(len(names)),
		TextLen: uint64(x.text.len()), SeqsLen: uint64(x.seqs.len()), PostLen: uint64(postLen),
		NamesLen: uint64(namesLen), LangsLen: uint64(len(langs))}
	cw := &countingWriter{w: bufio.NewWriterSize(tmp, 1<<20)}
	cw.Write([]byte(cacheMagic))
	binary.Write(cw, binary.NativeEndian, &h)
	cw.Write(langs)
	cw.pad()
	if err := x.text.writeTo(cw); err != nil {
		tmp.Close()
		return err
	}
	cw.pad()
	if err := x.seqs.writeTo(cw); err != nil {
		tmp.Close()
		return err
	}
	cw.pad()
	cw.Write(asBytes(x.unitSegs))
	cw.pad()
	cw.Write(asBytes(x.segs))
	cw.pad()
	cw.Write(asBytes(x.ids))
	cw.pad()
	cw.Write(asBytes(x.keys))
	cw.pad()
	off := make([]uint32, 0, len(names)+1)
	n := uint32(0)
	for _, t := range names {
		off = append(off, n)
		n += uint32(len(t))
	}
	off = append(off, n)
	cw.Write(asBytes(off))
	cw.pad()
	for _, t := range names {
		cw.Write([]byte(t))
	}
	cw.pad()
	off = off[:0]
	n = 0
	for t := range names {
		off = append(off, n)
		n += uint32(len(x.postings(uint32(t))))
	}
	off = append(off, n)
	cw.Write(asBytes(off))
	cw.pad()
	for t := range names {
		cw.Write(asBytes(x.postings(uint32(t))))
	}
	cw.pad()
	if cw.err != nil {
		tmp.Close()
		return cw.err
	}
	if err := cw.w.Flush(); err != nil {
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

type countingWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// pad aligns the next array to 8 bytes.
func (c *countingWriter) pad() {
	if r := c.n % 8; r != 0 {
		c.Write(make([]byte, 8-r))
	}
}

// loadIndex maps a cached index if it was made from TM version st.
func loadIndex(file string, st stamp) (*Index, error) {
	data, unmap, err := mapFile(file)
	if err != nil {
		return nil, err
	}
	x, err := indexFromBytes(data, st)
	if err != nil {
		unmap()
		return nil, err
	}
	x.unmap = unmap
	return x, nil
}

func indexFromBytes(data []byte, st stamp) (*Index, error) {
	d := decoder{b: data}
	if string(d.raw(len(cacheMagic))) != cacheMagic {
		return nil, errStale
	}
	var h cacheHeader
	hb := d.raw(binary.Size(h))
	if hb == nil {
		return nil, errStale
	}
	if _, err := binary.Decode(hb, binary.NativeEndian, &h); err != nil {
		return nil, errStale
	}
	if h.Order != byteOrderMark || h.CRC != st.crc || h.Size != st.size || h.MTime != st.mtime {
		return nil, errStale
	}
	x := &Index{langIdx: map[string]uint16{}}
	lb := d.raw(int(h.LangsLen))
	for i := uint64(0); i < h.Langs; i++ {
		if len(lb) < 4 {
			return nil, errStale
		}
		n := int(binary.LittleEndian.Uint32(lb))
		if len(lb) < 4+n {
			return nil, errStale
		}
		l := string(lb[4 : 4+n])
		lb = lb[4+n:]
		x.langIdx[l] = uint16(len(x.langs))
		x.langs = append(x.langs, l)
	}
	d.align()
	text := d.raw(int(h.TextLen))
	x.text.base = text[:len(text):len(text)]
	d.align()
	x.seqs.base = fromBytes[uint32](d.raw(4 * int(h.SeqsLen)))
	d.align()
	x.unitSegs = fromBytes[uint32](d.raw(4 * int(h.Units+1)))
	d.align()
	x.segs = fromBytes[uint32](d.raw(4 * segStride * int(h.Segs)))
	d.align()
	x.ids = fromBytes[uint32](d.raw(4 * 2 * int(h.Units)))
	d.align()
	x.keys = fromBytes[uint64](d.raw(8 * int(h.Units)))
	d.align()
	nameOff := fromBytes[uint32](d.raw(4 * int(h.Terms+1)))
	d.align()
	names := d.raw(int(h.NamesLen))
	d.align()
	x.frozenOff = fromBytes[uint32](d.raw(4 * int(h.Terms+1)))
	d.align()
	x.frozenData = fromBytes[uint32](d.raw(4 * int(h.PostLen)))
	if d.err != nil || len(x.unitSegs) != int(h.Units+1) || len(nameOff) != int(h.Terms+1) || len(x.frozenOff) != int(h.Terms+1) {
		return nil, errStale
	}
	// Check every offset once, so that queries can trust them.
	for i := 0; i+1 < len(x.unitSegs); i++ {
		if x.unitSegs[i] > x.unitSegs[i+1] || int(x.unitSegs[i+1]) > int(h.Segs) {
			return nil, errStale
		}
	}
	for j := 0; j < int(h.Segs); j++ {
		s := x.seg(uint32(j))
		if int(s.lang) >= len(x.langs) || uint64(s.off)+uint64(s.n) > h.TextLen || uint64(s.seqOff)+uint64(s.seqLen) > h.SeqsLen {
			return nil, errStale
		}
	}
	for i := 0; i < int(h.Units); i++ {
		if uint64(x.ids[2*i])+uint64(x.ids[2*i+1]) > h.TextLen {
			return nil, errStale
		}
	}
	for _, t := range x.seqs.base {
		if uint64(t) >= h.Terms {
			return nil, errStale
		}
	}
	x.terms = make(map[string]uint32, h.Terms)
	for t := 0; t < int(h.Terms); t++ {
		a, b := nameOff[t], nameOff[t+1]
		c, e := x.frozenOff[t], x.frozenOff[t+1]
		if a > b || int(b) > len(names) || c > e || uint64(e) > h.PostLen {
			return nil, errStale
		}
		x.terms[string(names[a:b])] = uint32(t)
	}
	for _, u := range x.frozenData {
		if uint64(u) >= h.Units {
			return nil, errStale
		}
	}
	return x, nil
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

func (d *decoder) align() {
	if r := d.off % 8; r != 0 {
		d.raw(8 - r)
	}
}
