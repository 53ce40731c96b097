package lang

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// russianArticle is enough Russian running text for the checks to judge.
const russianArticle = `Рецензия на «Персов»: старинное описание поражения от Эсхила.
В «Персах» не так много действия, да и сюжет едва заметен. Люди просто перемещаются по сцене,
разговаривают о разных событиях, которые произошли где-то далеко. Имя Иван, Шанхай, Щукин, Ёлкин и Юрий.`

// misread returns text written in enc and read as dec (the bytes of one
// encoding decoded with another), as a tool that mixes them up saves it.
func misread(t *testing.T, text string, written, readAs *charmap.Charmap) string {
	t.Helper()
	b := []byte(text)
	if written != nil {
		var err error
		if b, err = written.NewEncoder().Bytes(b); err != nil {
			t.Fatal(err)
		}
	}
	// Bytes readAs leaves undefined come out as U+FFFD from x/text; tools
	// show them as the C1 control of the same number (as Windows does).
	var sb strings.Builder
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		r := readAs.DecodeByte(c)
		if r == '\uFFFD' {
			r = rune(c)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func TestMojibake(t *testing.T) {
	tests := []struct {
		name            string
		text            string
		written, readAs string // "" for no mojibake
	}{
		{"Windows-1251 read as Windows-1252", misread(t, russianArticle+" — ", charmap.Windows1251, charmap.Windows1252), "Windows-1251", "Windows-1252"},
		{"Windows-1251 read as Latin-1", misread(t, russianArticle+" — ", charmap.Windows1251, charmap.ISO8859_1), "Windows-1251", "Latin-1 (ISO-8859-1)"},
		{"UTF-8 read as Windows-1251", misread(t, russianArticle, nil, charmap.Windows1251), "UTF-8", "Windows-1251"},
		{"UTF-8 read as Windows-1252", misread(t, russianArticle+" — ", nil, charmap.Windows1252), "UTF-8", "Windows-1252"},
		{"UTF-8 read as Latin-1", misread(t, russianArticle, nil, charmap.ISO8859_1), "UTF-8", "Latin-1 (ISO-8859-1)"},
		{"Russian", russianArticle, "", ""},
		{"Russian abbreviations", strings.Repeat("СССР, РСФСР, США, РФ, СНГ, СЕ, ОССЕ, СРЮ, РСМД. ", 10), "", ""},
		{"English", strings.Repeat("The Shanghai Cooperation Organisation met in Astana. ", 10), "", ""},
		{"French", strings.Repeat("La délégation française a été reçue à l'Élysée où le président a évoqué la coopération. ", 10), "", ""},
		{"German", strings.Repeat("Die Außenminister trafen sich in München und erörterten Fragen der Sicherheit. ", 10), "", ""},
		{"Icelandic", strings.Repeat("Þjóðverjar og Íslendingar ræddu öryggismál á fundi í Reykjavík. ", 10), "", ""},
		{"a few Latin-1 words", "Pérez and Gómez met Müller in Zürich.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkMojibake(tt.text)
			if tt.written == "" {
				if err != nil {
					t.Fatalf("checkMojibake = %v, want nil", err)
				}
				return
			}
			var me *MojibakeError
			if !errors.As(err, &me) || !errors.Is(err, ErrMojibake) {
				t.Fatalf("checkMojibake = %v, want a *MojibakeError", err)
			}
			if me.Written != tt.written || me.ReadAs != tt.readAs {
				t.Errorf("written %s, read as %s; want %s, %s", me.Written, me.ReadAs, tt.written, tt.readAs)
			}
			if me.Line != 1 || !strings.HasPrefix(me.Repaired, "Рецензия") || me.Sample == "" || strings.HasPrefix(me.Sample, "Рецензия") {
				t.Errorf("line %d, sample %q, repaired %q: want line 1 and a piece of «Рецензия на…»", me.Line, me.Sample, me.Repaired)
			}
			if !strings.Contains(err.Error(), "iconv") {
				t.Errorf("the message gives no repair: %v", err)
			}
		})
	}
}

// TestDecodeRefusesMojibake goes through Decode and ReadFile's error: the
// file and the line are named, and the repair command names the file.
func TestDecodeRefusesMojibake(t *testing.T) {
	text := "\n" + misread(t, russianArticle, charmap.Windows1251, charmap.Windows1252)
	_, _, err := Decode([]byte(text), "")
	if !errors.Is(err, ErrMojibake) {
		t.Fatalf("Decode = %v, want ErrMojibake", err)
	}
	msg := FileError("a.ru.txt", err).Error()
	for _, want := range []string{"a.ru.txt:2: mojibake", "«Рецензия", "iconv -f utf-8 -t windows-1252 a.ru.txt | iconv -f windows-1251 -t utf-8 > a.ru.txt.fixed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// The repair the message gives, done here, gives the text back.
	raw, _ := backBytes(text, latin1Byte)
	back, _ := charmap.Windows1251.NewDecoder().Bytes(raw)
	if string(back) != "\n"+russianArticle {
		t.Errorf("the repair does not give the text back:\n%s", back)
	}
}
