package tm

import (
	"bufio"
	"io"
	"os"
	"unsafe"
)

// column is an append-only array of an index: a base part (read from a
// cached index, usually memory-mapped, never written) and the part
// appended since, kept in memory or — while a big import builds the
// index — spilled to a temporary file, so that an import of a million
// units does not hold every text in memory at once.
type column[T byte | uint32 | uint64] struct {
	base  []T
	extra []T
	spill *os.File
	w     *bufio.Writer
	n     int // elements spilled
	err   error
}

func (c *column[T]) len() int { return len(c.base) + len(c.extra) + c.n }

// spillTo makes further appends go to a temporary file in dir.
func (c *column[T]) spillTo(dir string) error {
	f, err := os.CreateTemp(dir, ".tolmach-spill-*")
	if err != nil {
		return err
	}
	os.Remove(f.Name()) // unlinked: gone with the process, whatever happens
	c.spill, c.w = f, bufio.NewWriterSize(f, 1<<20)
	return nil
}

func (c *column[T]) append(v ...T) {
	if c.w == nil {
		c.extra = append(c.extra, v...)
		return
	}
	if len(v) > 0 && c.err == nil {
		_, c.err = c.w.Write(asBytes(v))
	}
	c.n += len(v)
}

// at returns elements [off, off+n); not available for spilled elements.
func (c *column[T]) at(off, n int) []T {
	if off < len(c.base) {
		return c.base[off : off+n]
	}
	off -= len(c.base)
	return c.extra[off : off+n]
}

// writeTo writes all elements, base then appended, as little-endian
// bytes.
func (c *column[T]) writeTo(w io.Writer) error {
	if _, err := w.Write(asBytes(c.base)); err != nil {
		return err
	}
	if _, err := w.Write(asBytes(c.extra)); err != nil {
		return err
	}
	if c.w == nil {
		return nil
	}
	if c.err != nil {
		return c.err
	}
	if err := c.w.Flush(); err != nil {
		return err
	}
	if _, err := c.spill.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, c.spill)
	return err
}

func (c *column[T]) close() {
	if c.spill != nil {
		c.spill.Close()
		c.spill, c.w = nil, nil
	}
}

// asBytes views a slice of fixed-size integers as its bytes. The cache
// format is the machine's byte order, which is little-endian on every
// platform tolmach is built for (amd64, arm64); the cache header records
// it, and a cache of another order is rebuilt.
func asBytes[T byte | uint32 | uint64](v []T) []byte {
	if len(v) == 0 {
		return nil
	}
	var z T
	return unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), len(v)*int(unsafe.Sizeof(z)))
}

// fromBytes views bytes (aligned to T) as a slice of T, with cap == len
// so that an append never writes into the mapped file.
func fromBytes[T uint32 | uint64](b []byte) []T {
	var z T
	n := len(b) / int(unsafe.Sizeof(z))
	if n == 0 {
		return nil
	}
	s := unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	return s[:n:n]
}
