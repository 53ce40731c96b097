package check

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"tolmach/internal/lang"
)

func TestStripMarkdown(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the text with runs of white space collapsed
	}{
		{"emphasis", "Это **важный** и *новый* этап.", "Это важный и новый этап."},
		{"link", "См. [заявление МИД](https://mid.ru/x) и [доклад][1].", "См. заявление МИД и доклад ."},
		{"image", "![логотип ШОС](sco.png) Текст.", "Текст."},
		{"inline code", "Команда `tolmach check` проверяет.", "Команда проверяет."},
		{"fence", "До.\n```\nкод кода\n```\nПосле.", "До. После."},
		{"html and comment", "Текст <span class=\"x\">выделен</span> <!-- заметка --> здесь.", "Текст выделен здесь."},
		{"entities", "Россия&nbsp;&amp; Китай &laquo;вместе&raquo;", "Россия & Китай «вместе»"},
		{"heading kept", "# Заголовок\n\nАбзац.", "# Заголовок Абзац."},
		{"front matter", "---\ntitle: Статья\n---\nТекст.", "Текст."},
		{"snake_case kept", "Поле source_lang и _курсив_.", "Поле source_lang и курсив ."},
		{"blockquote", "> Цитата дня.", "Цитата дня."},
		{"definition", "Текст.\n\n[1]: https://example.com", "Текст."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, _ := stripMarkdown(tt.in)
			checkStripped(t, tt.in, out)
			if got := segmentText(out); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>Первый.</p><p>Второй.</p>", "Первый. Второй."},
		{"script and style", "<style>p{color:red}</style><script>var x = '<p>';</script><p>Текст.</p>", "Текст."},
		{"attributes with >", `<a title="a > b" href="x">ссылка</a>`, "ссылка"},
		{"entities", "<p>&laquo;Сила Сибири&raquo; &#8212; 38&nbsp;млрд &#x41;</p>", "«Сила Сибири» — 38 млрд A"},
		{"unknown entity kept", "<p>&bogus; &amp</p>", "&bogus; &amp"},
		{"comparison not a tag", "<p>a < b и c > d</p>", "a < b и c > d"},
		{"doctype and cdata", "<!DOCTYPE html><![CDATA[x]]><p>Текст.</p>", "Текст."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, _ := stripHTML(tt.in)
			checkStripped(t, tt.in, out)
			if got := segmentText(out); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// Block tags end paragraphs.
	out, _, _ := stripHTML("<p>Первый абзац без точки</p><p>Второй абзац</p>")
	if n := len(lang.Paragraphs(out)); n != 2 {
		t.Errorf("%d paragraphs, want 2: %q", n, out)
	}
}

func TestInlineDirectives(t *testing.T) {
	in := "Первый.\n\n<!-- tolmach:ignore term-missing sco -->\nВторой абзац.\n\nТретий.\n<!-- tolmach:ignore-file untranslated -->\n"
	out, ign, file := stripMarkdown(in)
	if len(ign) != 1 || ign[0].Rule != "term-missing" || strings.Join(ign[0].Terms, ",") != "sco" {
		t.Fatalf("ignores %+v", ign)
	}
	if got := out[ign[0].Start:ign[0].End]; got != "Второй абзац." {
		t.Errorf("ignore covers %q", got)
	}
	if strings.Join(file, ",") != "untranslated" {
		t.Errorf("file ignores %v", file)
	}
}

// checkStripped checks the invariants of markup stripping: the same byte
// length (so offsets and lines computed on the original stay right) and
// valid UTF-8 out of valid UTF-8.
func checkStripped(t *testing.T, in, out string) {
	t.Helper()
	if len(out) != len(in) {
		t.Fatalf("length %d, want %d", len(out), len(in))
	}
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 out of valid input: %q", out)
	}
}

func FuzzStripMarkup(f *testing.F) {
	for _, s := range []string{"**a** [b](c) `d` <!-- tolmach:ignore x -->\n\ne", "<p>&laquo;x&raquo;</p><script>y</script>", "---\na\n---\n", "&#0; &#x110000; &#99999999;", "<a b='>'>", "[[x](y)](z)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		md, _, _ := stripMarkdown(in)
		checkStripped(t, in, md)
		h, _, _ := stripHTML(in)
		checkStripped(t, in, h)
	})
}

// makeDOCX builds a minimal DOCX holding document.xml.
func makeDOCX(t testing.TB, documentXML string, extra int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(documentXML))
	for i := 0; i < extra; i++ {
		zw.Create("customXml/item" + strings.Repeat("x", i%5) + string(rune('a'+i%26)) + ".xml")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Поворот на Восток</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t xml:space="preserve">Товарооборот достиг </w:t></w:r><w:r><w:t>240 млрд</w:t></w:r><w:del><w:r><w:delText>250</w:delText></w:r></w:del><w:r><w:tab/><w:t>долларов.</w:t></w:r></w:p>
</w:body></w:document>`

func TestDOCX(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.ru.docx")
	if err := os.WriteFile(path, makeDOCX(t, docxBody, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := ReadDocument(path, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Lang != lang.RU || d.Format != DOCX {
		t.Errorf("lang %q, format %q", d.Lang, d.Format)
	}
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) != 3 || paras[0] != "Поворот на Восток" || paras[2] != "Товарооборот достиг 240 млрд\tдолларов." {
		t.Errorf("paragraphs %q", paras)
	}
	// Lines are paragraph numbers.
	off := strings.Index(d.Text, "240")
	if line, col := d.Pos(off); line != 3 || col != 21 {
		t.Errorf("Pos = %d:%d, want 3:21", line, col)
	}
}

func TestDOCXErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"not a zip", []byte("plain text"), nil, "not a DOCX file"},
		{"no document", func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			zw.Create("x.xml")
			zw.Close()
			return buf.Bytes()
		}(), nil, "no word/document.xml"},
		{"too many entries", makeDOCX(t, docxBody, maxDOCXEntries+1), errDOCXTooLarge, "entries"},
		{"bad xml", makeDOCX(t, "<w:document><w:p><w:t>x</w:p>", 0), nil, "word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".docx")
			os.WriteFile(p, tt.data, 0o644)
			_, err := ReadDocument(p, "", "")
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), p) || tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v, want one naming %s and %q", err, p, tt.msg)
			}
		})
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(makeDOCX(f, docxBody, 0))
	f.Add(makeDOCX(f, "<w:p><w:t>a</w:t></w:p><w:p>", 2))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		text, err := docxText(zr)
		if err == nil && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 text %q", text)
		}
	})
}

const xliff12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="ru-RU" target-language="en-US" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1">
    <source>Поворот на Восток продолжается.</source>
    <target>The eastward shift continues.</target>
   </trans-unit>
   <trans-unit id="2">
    <source>Товарооборот достиг <g id="b">240 млрд</g> долларов<x id="br"/>.</source>
    <target>Trade reached <g id="b">204 billion</g> dollars<x id="br"/>.</target>
    <alt-trans><target>Ignored 999.</target></alt-trans>
   </trans-unit>
   <trans-unit id="3">
    <source>Следующий саммит пройдёт в Китае.</source>
   </trans-unit>
  </body>
 </file>
</xliff>`

const xliff20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">
 <file id="f1">
  <unit id="u1">
   <segment><source>The pivot to the East continues.</source><target>Разворот к Азии продолжается.</target></segment>
   <segment><source>Trade reached <ph id="1"/>204 billion dollars.</source><target>Товарооборот достиг 204 млрд долларов.</target></segment>
  </unit>
 </file>
</xliff>`

func TestXLIFF(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, data       string
		srcLang, tgtLang lang.Lang
		rules            string
	}{
		{"1.2", xliff12, lang.RU, lang.EN, "term-missing number-mismatch segment-missing"},
		{"2.0", xliff20, lang.EN, lang.RU, "term-missing placeholder-mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "f"+tt.name+".xlf")
			os.WriteFile(p, []byte(tt.data), 0o644)
			src, tgt, err := ReadBilingual(p, "")
			if err != nil {
				t.Fatal(err)
			}
			if src.Lang != tt.srcLang || tgt.Lang != tt.tgtLang {
				t.Errorf("languages %s→%s", src.Lang, tgt.Lang)
			}
			res, err := New(Options{Glossary: parseGlossary(t, testGlossary)}).CheckBilingual(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, f := range res.Findings {
				rules = append(rules, f.Rule)
			}
			if strings.Join(rules, " ") != tt.rules {
				t.Errorf("rules %v, want %s\n%s", rules, tt.rules, describe(res.Findings))
			}
			// Locations point into the XLIFF file.
			f := res.Findings[0]
			if f.Source.Path != p || f.Source.Line < 5 {
				t.Errorf("source location %+v", f.Source)
			}
		})
	}
	// The number finding of 1.2 is on the <source> line of unit 2.
	p := filepath.Join(dir, "f1.2.xlf")
	res, _ := New(Options{Glossary: parseGlossary(t, testGlossary)}).CheckBilingual(context.Background(), p)
	for _, f := range res.Findings {
		if f.Rule == "number-mismatch" && (f.Source.Line != 10 || f.Source.Match != "240 млрд" || f.Target.Line != 11) {
			t.Errorf("number-mismatch at %+v / %+v", f.Source, f.Target)
		}
	}
}

// TestXLIFFDeclaredLanguages checks that the languages an XLIFF file
// declares are the ones checked: another language is refused by name
// whatever --source-lang says (before, following the hint checked
// German as Russian and exited 0), and --source-lang only fills in a side
// the file leaves out.
func TestXLIFFDeclaredLanguages(t *testing.T) {
	dir := t.TempDir()
	const v12 = `<xliff version="1.2"><file %s datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>%s</source><target>%s</target></trans-unit></body></file></xliff>`
	const v20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" %s><file id="f"><unit id="u"><segment><source>%s</source><target>%s</target></segment></unit></file></xliff>`
	tests := []struct {
		name, data string
		flag       lang.Lang
		want       string // error text, or "ru>en" for the languages checked
	}{
		{"2.0 Japanese target", fmt.Sprintf(v20, `srcLang="en-US" trgLang="ja-JP"`, "Open the file", "ファイルを開く"), lang.EN, "target language ja-JP: tolmach checks Russian–English"},
		{"1.2 German source", fmt.Sprintf(v12, `source-language="de-DE" target-language="en"`, "Die Datei öffnen", "Open the file"), lang.RU, "source language de-DE: tolmach checks Russian–English"},
		{"1.2 German source no flag", fmt.Sprintf(v12, `source-language="de-DE"`, "Die Datei öffnen", "Datei öffnen"), "", "source language de-DE"},
		{"declared wins over the flag", fmt.Sprintf(v12, `source-language="en" target-language="ru"`, "Open the file", "Откройте файл"), lang.RU, "en>ru"},
		{"flag fills in", fmt.Sprintf(v12, ``, "Open the file", "Откройте файл"), lang.EN, "en>ru"},
		{"target declared only", fmt.Sprintf(v20, `trgLang="en-GB"`, "Откройте файл", "Open the file"), "", "ru>en"},
		{"undeclared Japanese with a flag", fmt.Sprintf(v20, ``, "Open the file", "ファイルを開く"), lang.EN, "neither Cyrillic nor Latin"},
		{"two files of two pairs", `<xliff version="1.2"><file source-language="en" target-language="ru" original="a"><body><trans-unit id="1"><source>a b</source><target>а б</target></trans-unit></body></file><file source-language="en" target-language="fr" original="b"><body/></file></xliff>`, "", "an earlier one"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, fmt.Sprintf("f%d.xlf", i))
			os.WriteFile(p, []byte(tt.data), 0o644)
			res, err := New(Options{Glossary: parseGlossary(t, testGlossary), SourceLang: tt.flag}).CheckBilingual(context.Background(), p)
			if strings.Contains(tt.want, ">") {
				if err != nil {
					t.Fatal(err)
				}
				if got := string(res.Source.Lang) + ">" + string(res.Target.Lang); got != tt.want {
					t.Errorf("checked %s, want %s", got, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// TestXLIFFNumberOnlyUnits checks that a unit whose target is numbers
// only, identical to its source, is not an omission (it was reported as
// segment-missing), while an empty target still is.
func TestXLIFFNumberOnlyUnits(t *testing.T) {
	p := filepath.Join(t.TempDir(), "n.xlf")
	os.WriteFile(p, []byte(`<xliff version="1.2"><file source-language="en" target-language="ru" original="a"><body>
<trans-unit id="1"><source>1</source><target>1</target></trans-unit>
<trans-unit id="2"><source>500000</source><target>500000</target></trans-unit>
<trans-unit id="3"><source>2024–2025</source><target>2024–2025</target></trans-unit>
<trans-unit id="4"><source>Open the file</source><target>Откройте файл</target></trans-unit>
<trans-unit id="5"><source>42</source><target> </target></trans-unit>
</body></file></xliff>`), 0o644)
	res, err := New(Options{Glossary: parseGlossary(t, testGlossary)}).CheckBilingual(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "segment-missing" || res.Findings[0].Source.Text != "42" {
		t.Errorf("findings:\n%s\nwant one segment-missing, of the empty target of «42»", describe(res.Findings))
	}
}

// TestXLIFFUTF16WithoutBOM checks that an XLIFF in UTF-16 without a byte
// order mark, whose declaration says so ("<\0?\0x\0m\0l\0"), is read:
// it was refused as binary.
func TestXLIFFUTF16WithoutBOM(t *testing.T) {
	x := strings.Replace(xliff20, `encoding="UTF-8"`, `encoding="UTF-16LE"`, 1)
	var data []byte
	for _, u := range utf16.Encode([]rune(x)) {
		data = append(data, byte(u), byte(u>>8))
	}
	p := filepath.Join(t.TempDir(), "le.xlf")
	os.WriteFile(p, data, 0o644)
	src, tgt, err := ReadBilingual(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if src.Lang != lang.EN || tgt.Lang != lang.RU || !strings.Contains(tgt.Text, "Разворот к Азии") {
		t.Errorf("read %s→%s, target %q", src.Lang, tgt.Lang, tgt.Text)
	}
}

func TestXLIFFErrors(t *testing.T) {
	tests := []struct{ name, data, msg string }{
		{"not xliff", "<html><body/></html>", "not an XLIFF file"},
		{"malformed", "<xliff><file><trans-unit><source>a</trans-unit>", "malformed XLIFF"},
		{"no units", `<xliff version="1.2"><file/></xliff>`, "no translation units"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "x.xlf")
			os.WriteFile(p, []byte(tt.data), 0o644)
			_, _, err := ReadBilingual(p, "")
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), p+":") {
				t.Errorf("error %v, want %q naming the file", err, tt.msg)
			}
		})
	}
}

func FuzzXLIFF(f *testing.F) {
	f.Add(xliff12)
	f.Add(xliff20)
	f.Add(`<xliff><file><body><trans-unit><source>a<ph>b</ph></source><target/></trans-unit></body></file></xliff>`)
	f.Add(`<xliff version="2.0" srcLang="en-US" trgLang="ja-JP"><file><unit><segment><source>Open %1$@</source><target>%1$@ を開く</target></segment></unit></file></xliff>`)
	f.Add(`<xliff><file source-language="en" target-language="ru"/><file source-language="de-DE" target-language="ru"><body><trans-unit><source>1</source><target>1</target></trans-unit></body></file></xliff>`)
	f.Fuzz(func(t *testing.T, data string) {
		units, _, _, err := parseXLIFF(data)
		if err != nil {
			return
		}
		for _, u := range units {
			if strings.ContainsAny(u.Source+u.Target, "\n\r") {
				t.Fatalf("unit text with line breaks: %+v", u)
			}
		}
	})
}
