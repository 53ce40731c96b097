// Command morphgen builds internal/lang/morph_ru.bin, the Russian
// dictionary table behind lang.Stem, from Debian's hunspell-ru
// (apt-get install hunspell-ru). It runs at development time only; the
// product embeds its output and needs nothing installed.
//
//	go run ./internal/lang/internal/morphgen            # regenerate the table
//	go run ./internal/lang/internal/morphgen -eval DIR  # lever table on UD Russian GSD in DIR
//
// The table maps a folded word form to its matching key where the key
// differs from the fallback (ruskey.Fallback): that is, where the
// dictionary knows better. Layout: the magic line, a CRC-32C (little
// endian) of the rest, the list of key endings the edits append (uvarint
// count, then uvarint length and bytes of each), then a vellum FST mapping
// each word to its edit: bytes to cut from the word's end | ending << 8. Its layout is read by
// internal/lang/stem_dict.go.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"os"
	"sort"
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/vellum"

	"tolmach/internal/lang/internal/ruskey"
)

// Magic starts the table file; stem_dict.go checks it.
const Magic = "tolmach-morph-ru 2\n"

func main() {
	aff := flag.String("aff", "/usr/share/hunspell/ru_RU.aff", "hunspell-ru affix file")
	dic := flag.String("dic", "/usr/share/hunspell/ru_RU.dic", "hunspell-ru dictionary")
	out := flag.String("o", "internal/lang/morph_ru.bin", "output table")
	eval := flag.String("eval", "", "directory of UD Russian GSD: print the lever table instead of writing")
	flag.Parse()
	if err := run(*aff, *dic, *out, *eval); err != nil {
		fmt.Fprintln(os.Stderr, "morphgen:", err)
		os.Exit(1)
	}
}

func run(aff, dic, out, evalDir string) error {
	rules, err := readAff(aff)
	if err != nil {
		return err
	}
	entries, err := readDic(dic)
	if err != nil {
		return err
	}
	lx := buildLexicon(entries, rules)
	if evalDir != "" {
		return leverTable(lx, evalDir)
	}
	data, n, err := buildTable(lx)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "morphgen: %d entries, %d forms known, %d stored, %d bytes → %s\n",
		len(entries), len(lx.entry)+len(lx.cands), n, len(data), out)
	return nil
}

func snow(w string, lv levers) string {
	if lv.snowball {
		return ruskey.Snowball(w)
	}
	env := snowballstem.NewEnv(w)
	russian.Stem(env)
	return env.Current()
}

// buildTable encodes every known form whose key differs from the fallback
// as (bytes to cut from the form's end, index of the ending to append).
func buildTable(lx *lexicon) ([]byte, int, error) {
	forms := map[string]bool{}
	for f := range lx.entry {
		forms[f] = true
	}
	for f := range lx.cands {
		forms[f] = true
	}
	type edit struct {
		form string
		cut  int
		add  string
	}
	var edits []edit
	adds := map[string]int{}
	for f := range forms {
		k := lx.formKey(f, allLevers)
		if k == ruskey.Fallback(f) {
			continue
		}
		p := commonPrefix(f, k)
		if len(f)-p > 255 {
			return nil, 0, fmt.Errorf("%s: edit too long", f)
		}
		edits = append(edits, edit{f, len(f) - p, k[p:]})
		adds[k[p:]] = 0
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].form < edits[j].form })
	list := make([]string, 0, len(adds))
	for a := range adds {
		list = append(list, a)
	}
	sort.Strings(list)
	for i, a := range list {
		adds[a] = i
	}
	var buf bytes.Buffer
	buf.Write(binary.AppendUvarint(nil, uint64(len(list))))
	for _, a := range list {
		buf.Write(binary.AppendUvarint(nil, uint64(len(a))))
		buf.WriteString(a)
	}
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return nil, 0, err
	}
	for _, e := range edits {
		if err := b.Insert([]byte(e.form), uint64(e.cut)|uint64(adds[e.add])<<8); err != nil {
			return nil, 0, err
		}
	}
	if err := b.Close(); err != nil {
		return nil, 0, err
	}
	out := []byte(Magic)
	out = binary.LittleEndian.AppendUint32(out, crc32.Checksum(buf.Bytes(), crc32.MakeTable(crc32.Castagnoli)))
	return append(out, buf.Bytes()...), len(edits), nil
}

// commonPrefix returns the length in bytes of the longest common prefix of
// a and b that ends on a rune boundary.
func commonPrefix(a, b string) int {
	n := 0
	for i, r := range a {
		if i >= len(b) || !strings.HasPrefix(b[i:], string(r)) {
			break
		}
		n = i + len(string(r))
	}
	return n
}
