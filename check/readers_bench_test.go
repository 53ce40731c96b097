package check

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"tolmach/internal/cputime"
)

// samplePairs returns the paragraphs of the embedded sample articles,
// Russian and English side by side: real prose with terms, numbers,
// quotes and abbreviations, cycled to make long documents.
func samplePairs(tb testing.TB) [][2]string {
	tb.Helper()
	var out [][2]string
	for _, name := range []string{"sco-eurasia", "russia-china"} {
		ru, err1 := os.ReadFile("../data/samples/" + name + ".ru.txt")
		en, err2 := os.ReadFile("../data/samples/" + name + ".en.txt")
		if err1 != nil || err2 != nil {
			tb.Fatalf("samples: %v %v", err1, err2)
		}
		rp, ep := strings.Split(strings.TrimSpace(string(ru)), "\n\n"), strings.Split(strings.TrimSpace(string(en)), "\n\n")
		for i := range min(len(rp), len(ep)) {
			out = append(out, [2]string{rp[i], ep[i]})
		}
	}
	return out
}

// readerInput builds a document of n paragraphs (units) in one format,
// as tools write them: XLIFF 1.2 minified on one line, DOCX with runs,
// Markdown with emphasis, links and code, HTML minified with scripts and
// styles between paragraphs. Each paragraph carries its number, so that
// no two are equal.
func readerInput(tb testing.TB, format string, n int) (name string, data []byte) {
	pairs := samplePairs(tb)
	var b strings.Builder
	switch format {
	case "xliff":
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2"><file source-language="ru" target-language="en" datatype="plaintext" original="a.txt"><body>`)
		for i := 0; i < n; i++ {
			p := pairs[i%len(pairs)]
			fmt.Fprintf(&b, `<trans-unit id="%d"><source>%s <x id="%d"/>(%d)</source><target>%s <x id="%d"/>(%d)</target></trans-unit>`, i, html.EscapeString(p[0]), i, i, html.EscapeString(p[1]), i, i)
		}
		b.WriteString(`</body></file></xliff>`)
		return "big.xlf", []byte(b.String())
	case "docx":
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
		for i := 0; i < n; i++ {
			words := strings.SplitN(pairs[i%len(pairs)][0], " ", 2)
			rest := ""
			if len(words) > 1 {
				rest = " " + words[1]
			}
			fmt.Fprintf(&b, `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>%s</w:t></w:r><w:r><w:t xml:space="preserve">%s (%d)</w:t></w:r></w:p>`, html.EscapeString(words[0]), html.EscapeString(rest), i)
		}
		b.WriteString(`</w:body></w:document>`)
		var zb bytes.Buffer
		zw := zip.NewWriter(&zb)
		w, err := zw.Create("word/document.xml")
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(b.String()))
		zw.Close()
		return "big.docx", zb.Bytes()
	case "markdown":
		b.WriteString("---\ntitle: big\n---\n\n")
		for i := 0; i < n; i++ {
			p := pairs[i%len(pairs)][0]
			if i%10 == 0 {
				fmt.Fprintf(&b, "## Раздел %d\n\n", i/10)
			}
			fmt.Fprintf(&b, "%s *(%d)* [источник](https://example.org/%d) `код`\n\n", p, i, i)
		}
		return "big.md", []byte(b.String())
	case "html":
		b.WriteString(`<!DOCTYPE html><html><head><title>big</title><style>p{margin:0}</style></head><body>`)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `<p class="t">%s <b>(%d)</b> &laquo;ШОС&raquo;</p>`, html.EscapeString(pairs[i%len(pairs)][0]), i)
			if i%20 == 0 {
				fmt.Fprintf(&b, `<script>var n%d = %d;</script><!-- tolmach:ignore term-missing ШОС -->`, i, i)
			}
		}
		b.WriteString(`</body></html>`)
		return "big.html", []byte(b.String())
	}
	tb.Fatalf("no format %s", format)
	return "", nil
}

// BenchmarkReaders reads an XLIFF, DOCX, Markdown and HTML document of
// 2,000 and 20,000 paragraphs (units; 20,000 of the samples' paragraphs
// make 10–16 MB, and 200,000 would pass the 32 MiB limit on articles)
// and takes the position of every paragraph, as a report of findings
// would: the time per op at 20k over the time at 2k is how the reader
// grows (linear is 10×; cpu-ms/op is
// the figure to compare on a shared machine). XLIFF and
// HTML are minified (one line), where each position once counted the
// line from its start.
//
//	go test ./check -run X -bench Readers -benchtime 3x
func BenchmarkReaders(b *testing.B) {
	for _, format := range []string{"xliff", "docx", "markdown", "html"} {
		for _, n := range []int{2_000, 20_000} {
			name, data := readerInput(b, format, n)
			b.Run(fmt.Sprintf("%s/%dk", format, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				cpu := cputime.Start()
				for b.Loop() {
					var docs []*Document
					if format == "xliff" {
						src, tgt, err := ParseBilingual(name, data, "")
						if err != nil {
							b.Fatal(err)
						}
						docs = []*Document{src, tgt}
					} else {
						d, err := ParseDocument(name, data, "", "ru")
						if err != nil {
							b.Fatal(err)
						}
						docs = []*Document{d}
					}
					for _, d := range docs {
						text := d.Text
						for off := 0; off < len(text); {
							d.Pos(off)
							k := strings.Index(text[off:], "\n\n")
							if k < 0 {
								break
							}
							off += k + 2
						}
					}
				}
				cputime.Report(b, cpu)
			})
		}
	}
}
