package main

// Script commands and process helpers for the reliability tests
// (reliability_test.go and testdata/script/badinput_*.txtar).

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	scriptCmds["bytes"] = cmdBytes
	scriptCmds["repeat"] = cmdRepeat
	scriptCmds["utf16le"] = cmdUTF16LE
	scriptCmds["docx"] = cmdDOCX
	scriptCmds["snapshot"] = cmdSnapshot
	scriptCmds["unchanged"] = cmdUnchanged
	scriptCmds["onerror"] = cmdOneError
}

// cmdBytes implements "bytes FILE ARG...": it writes FILE with the
// arguments concatenated, each read as the body of a Go string literal,
// so that '\x89PNG\r\n\x1a\n' or 'ru\x00en' are exact bytes.
func cmdBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: bytes FILE 'GO-ESCAPED'...")
	}
	var b bytes.Buffer
	for _, a := range args[1:] {
		s, err := strconv.Unquote(`"` + strings.ReplaceAll(a, `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("bytes: %q: %v", a, err)
		}
		b.WriteString(s)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b.Bytes(), 0o666))
}

// cmdRepeat implements "repeat FILE COUNT 'GO-ESCAPED'": FILE holds the
// text COUNT times and a newline, for inputs too large to keep in a
// script.
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: repeat FILE COUNT 'GO-ESCAPED'")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 {
		ts.Fatalf("repeat: bad count %q", args[1])
	}
	s, err := strconv.Unquote(`"` + strings.ReplaceAll(args[2], `"`, `\"`) + `"`)
	if err != nil {
		ts.Fatalf("repeat: %q: %v", args[2], err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Repeat(s, n)+"\n"), 0o666))
}

// cmdUTF16LE implements "utf16le DST SRC": DST is SRC (UTF-8) in
// UTF-16LE without a byte order mark.
func cmdUTF16LE(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: utf16le DST SRC")
	}
	src := ts.ReadFile(args[1])
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(src)) {
		binary.Write(&b, binary.LittleEndian, u)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b.Bytes(), 0o666))
}

// cmdDOCX implements "docx DST DOCUMENT.XML": DST is a minimal Word file
// whose word/document.xml is the given file.
func cmdDOCX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: docx DST DOCUMENT.XML")
	}
	data, err := buildDOCX(ts.ReadFile(args[1]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o666))
}

const contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

// buildDOCX zips a document.xml into a minimal .docx.
func buildDOCX(document string) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"word/document.xml", document},
	} {
		w, err := zw.Create(f.name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return b.Bytes(), err
}

// zipBombDOCX returns a .docx whose word/document.xml is declared (and,
// when inflated, really is) size bytes of zeros, compressed at deflate's
// best ratio: a fixed-Huffman block of one literal zero followed by
// copies of 258 bytes at distance 1, 13 bits per 258 bytes (fixed
// codes; about 1:160), so that 2 GiB of zeros take about 13 MB.
func zipBombDOCX(size int64) ([]byte, error) {
	stream := zeroDeflate(size)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	io.WriteString(w, contentTypesXML)
	raw, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "word/document.xml",
		Method:             zip.Deflate,
		CRC32:              crcZeros(size),
		CompressedSize64:   uint64(len(stream)),
		UncompressedSize64: uint64(size),
	})
	if err != nil {
		return nil, err
	}
	if _, err := raw.Write(stream); err != nil {
		return nil, err
	}
	err = zw.Close()
	return b.Bytes(), err
}

// crcZeros is the CRC-32 (IEEE) of n zero bytes.
func crcZeros(n int64) uint32 {
	buf := make([]byte, 1<<20)
	var c uint32
	for n > 0 {
		k := int64(len(buf))
		if n < k {
			k = n
		}
		c = crc32.Update(c, crc32.IEEETable, buf[:k])
		n -= k
	}
	return c
}

// bitWriter writes a deflate bit stream (least significant bit first).
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// huff writes a Huffman code, which deflate sends most significant bit first.
func (w *bitWriter) huff(code uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (code>>i)&1
	}
	w.bits(r, n)
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	return w.out
}

// zeroDeflate is a raw deflate stream of n zero bytes (n ≥ 1).
func zeroDeflate(n int64) []byte {
	w := &bitWriter{out: make([]byte, 0, n/1000+64)}
	w.bits(1, 1) // BFINAL
	w.bits(1, 2) // BTYPE 01: fixed Huffman codes
	// Literal 0: code 0x30, 8 bits.
	w.huff(0x30, 8)
	n--
	for n > 0 {
		k := int64(258)
		if n < k {
			k = n
		}
		if k < 3 {
			for ; k > 0; k-- {
				w.huff(0x30, 8)
			}
			break
		}
		writeLength(w, int(k))
		w.huff(0, 5) // distance code 0: distance 1
		n -= k
	}
	w.huff(0, 7) // end of block (256)
	return w.flush()
}

// writeLength writes a match length 3…258 in the fixed Huffman code.
func writeLength(w *bitWriter, l int) {
	if l == 258 {
		w.huff(0xC5, 8) // code 285
		return
	}
	base := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227}
	extra := []uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5}
	i := sort.Search(len(base), func(i int) bool { return base[i] > l }) - 1
	code := 257 + i
	if code <= 279 {
		w.huff(uint64(code-256), 7)
	} else {
		w.huff(uint64(code-280+0xC0), 8)
	}
	w.bits(uint64(l-base[i]), extra[i])
}

// cmdSnapshot implements "snapshot NAME": it records the name and SHA-256
// of every file under the work directory (except the cache and earlier
// snapshots) in .snapshot-NAME, for "unchanged NAME" to compare with.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: snapshot NAME")
	}
	sums, err := treeSums(ts.MkAbs("."))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(".snapshot-"+args[0]), []byte(sums), 0o666))
}

// cmdUnchanged implements "unchanged NAME": it fails unless the files
// under the work directory are exactly those of "snapshot NAME", byte for
// byte: nothing written, nothing half-written, no temporary file left.
func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: unchanged NAME")
	}
	want := ts.ReadFile(".snapshot-" + args[0])
	got, err := treeSums(ts.MkAbs("."))
	ts.Check(err)
	if got != want {
		ts.Fatalf("files changed since snapshot %s:\nbefore:\n%safter:\n%s", args[0], want, got)
	}
}

// treeSums lists "sha256  path" for every regular file under root, sorted,
// leaving out .cache (the index cache may be written), snapshots and
// empty lock files (".NAME.lock": tm's writers leave them, by design).
func treeSums(root string) (string, error) {
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			if rel == ".cache" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(rel, ".snapshot-") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if len(data) == 0 && isLockName(filepath.Base(rel)) {
			return nil // an empty lock file holds no data (tm keeps them)
		}
		sum := sha256.Sum256(data)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+filepath.ToSlash(rel)+"\n")
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, ""), err
}

// panicRE finds the marks of a Go panic or runtime crash in stderr.
var panicRE = regexp.MustCompile(`(?m)panic|goroutine \d|runtime error|fatal error|SIGSEGV`)

// cmdOneError implements "onerror REGEXP": stderr must hold exactly one
// "tolmach: error: " line, matching REGEXP, and nothing that looks like a
// panic; other lines may only be hints.
func cmdOneError(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: onerror REGEXP")
	}
	re, err := regexp.Compile(args[0])
	ts.Check(err)
	stderr := ts.ReadFile("stderr")
	if err := checkOneError(stderr, re); err != nil {
		ts.Fatalf("%v", err)
	}
}

// checkOneError is onerror's check, shared with the process tests.
func checkOneError(stderr string, re *regexp.Regexp) error {
	if panicRE.MatchString(stderr) {
		return fmt.Errorf("stderr looks like a crash:\n%s", stderr)
	}
	var errs []string
	for _, l := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		switch {
		case strings.HasPrefix(l, "tolmach: error: "):
			errs = append(errs, l)
		case strings.HasPrefix(l, "tolmach: hint: "):
		default:
			return fmt.Errorf("unexpected stderr line %q in:\n%s", l, stderr)
		}
	}
	if len(errs) != 1 {
		return fmt.Errorf("want exactly one error line, got %d:\n%s", len(errs), stderr)
	}
	if !re.MatchString(errs[0]) {
		return fmt.Errorf("error line %q does not match %q", errs[0], re)
	}
	return nil
}

// isLockName reports whether a file name is that of a writer's lock file.
func isLockName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".lock")
}
