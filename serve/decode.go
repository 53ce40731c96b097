package serve

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Body limits, from the article limits of internal/lang: a check or an
// alignment carries two articles (or one XLIFF), an edit a few terms.
const (
	maxPairBody = 2*lang.MaxFileSize + 1<<20
	maxEditBody = 1 << 20
	maxNameLen  = 255
)

// Document is one uploaded text: a name (whose extension chooses how it
// is read, and which may tell its language, as a file name does) and
// its bytes.
type Document struct {
	Name string
	Data []byte
}

// PairInput is what a check or an alignment is asked for: two articles,
// or (for a check) one bilingual XLIFF file.
type PairInput struct {
	Source, Target *Document
	XLIFF          *Document
	SourceLang     lang.Lang // "" decides from names, then scripts
	Encoding       string    // of uploaded text files; "" detects
}

// docJSON is one document of a JSON request: its text, or (for DOCX,
// or text in another encoding) its bytes in base64.
type docJSON struct {
	Text   *string `json:"text"`
	Base64 *string `json:"base64"`
	Name   string  `json:"name"`
}

// pairJSON is the JSON body of POST /api/v1/check and /api/v1/align.
type pairJSON struct {
	Source     *docJSON `json:"source"`
	Target     *docJSON `json:"target"`
	XLIFF      *docJSON `json:"xliff"`
	SourceLang string   `json:"source_lang"`
	Encoding   string   `json:"encoding"`
}

// errTooLarge is the 413 for a body over its limit.
func errTooLarge(limit int64) error {
	return &badRequest{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request body is over %d bytes", limit)}
}

// mediaType returns the request's Content-Type without parameters.
func mediaType(r *http.Request) string {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return mt
}

// decodeJSON reads a JSON body of at most limit bytes into v: one
// object, no unknown field (a misspelt one would be silently ignored),
// nothing after it.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	if mediaType(r) != "application/json" {
		return &badRequest{http.StatusUnsupportedMediaType, "unsupported_media_type", "send the body as Content-Type: application/json"}
	}
	return decodeJSONBody(http.MaxBytesReader(w, r.Body, limit), limit, v)
}

func decodeJSONBody(body io.Reader, limit int64, v any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err, limit)
	}
	if _, err := dec.Token(); err != io.EOF {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge(limit)
		}
		return errBad("the body holds more than one JSON value")
	}
	return nil
}

// jsonError turns a decoding error into the client's error, with the
// offset where it applies.
func jsonError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return errTooLarge(limit)
	case errors.As(err, &se):
		return errBad("malformed JSON at byte %d: %v", se.Offset, err)
	case errors.As(err, &te):
		return errBad("JSON field %q: want %s, got %s", te.Field, te.Type, te.Value)
	case errors.Is(err, io.EOF):
		return errBad("empty body: want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errBad("the JSON body ends too early")
	}
	return errBad("JSON body: %v", err)
}

// cleanName makes an uploaded file name safe to show and to choose a
// reader by: its last path element, no control characters, not too long.
// Nothing is ever opened by this name.
func cleanName(name, def string) (string, error) {
	name = strings.TrimSpace(strings.ReplaceAll(name, "\\", "/"))
	if name == "" {
		return def, nil
	}
	if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return "", errBad("file name %q: control characters or invalid UTF-8", name)
	}
	name = path.Base(name)
	if name == "." || name == "/" || name == ".." {
		return def, nil
	}
	if len(name) > maxNameLen {
		return "", errBad("file name of %d bytes: at most %d", len(name), maxNameLen)
	}
	return name, nil
}

// document turns a JSON document into bytes.
func (d *docJSON) document(field, def string) (*Document, error) {
	if d == nil {
		return nil, nil
	}
	name, err := cleanName(d.Name, def)
	if err != nil {
		return nil, err
	}
	switch {
	case d.Text != nil && d.Base64 != nil:
		return nil, errBad("%s: give text or base64, not both", field)
	case d.Text != nil:
		return &Document{Name: name, Data: []byte(*d.Text)}, nil
	case d.Base64 != nil:
		b, err := base64.StdEncoding.DecodeString(*d.Base64)
		if err != nil {
			return nil, errBad("%s.base64: %v", field, err)
		}
		return &Document{Name: name, Data: b}, nil
	}
	return nil, errBad("%s: no text (give \"text\" or \"base64\")", field)
}

// parseSourceLang reads a source_lang value.
func parseSourceLang(s string) (lang.Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return "", nil
	case "ru":
		return lang.RU, nil
	case "en":
		return lang.EN, nil
	}
	return "", errBad("source_lang %q: want ru or en", s)
}

// decodePair reads the body of a check or align request: JSON
// ({"source": {"text", "name"}, "target": …, "source_lang"}) or
// multipart/form-data with files source and target (or xliff) and
// optional fields source_lang and encoding.
func decodePair(w http.ResponseWriter, r *http.Request, allowXLIFF bool) (*PairInput, error) {
	var in PairInput
	switch mediaType(r) {
	case "application/json":
		var body pairJSON
		if err := decodeJSON(w, r, maxPairBody, &body); err != nil {
			return nil, err
		}
		var err error
		if in.Source, err = body.Source.document("source", "source"); err != nil {
			return nil, err
		}
		if in.Target, err = body.Target.document("target", "target"); err != nil {
			return nil, err
		}
		if in.XLIFF, err = body.XLIFF.document("xliff", "bilingual.xlf"); err != nil {
			return nil, err
		}
		if in.SourceLang, err = parseSourceLang(body.SourceLang); err != nil {
			return nil, err
		}
		in.Encoding = body.Encoding
	case "multipart/form-data":
		if err := decodeMultipart(w, r, &in); err != nil {
			return nil, err
		}
	default:
		return nil, &badRequest{http.StatusUnsupportedMediaType, "unsupported_media_type",
			"send JSON (Content-Type: application/json) or files source and target as multipart/form-data"}
	}
	if in.Encoding != "" && !knownEncoding(in.Encoding) {
		return nil, errBad("encoding %q: want one of %s", in.Encoding, strings.Join(lang.Encodings, ", "))
	}
	switch {
	case in.XLIFF != nil && !allowXLIFF:
		return nil, errBad("xliff: give source and target")
	case in.XLIFF != nil && (in.Source != nil || in.Target != nil):
		return nil, errBad("give source and target, or one xliff, not both")
	case in.XLIFF == nil && (in.Source == nil || in.Target == nil):
		return nil, errBad("give both source and target")
	}
	return &in, nil
}

func knownEncoding(e string) bool {
	e = strings.ToLower(strings.TrimSpace(e))
	if e == "auto" {
		return true
	}
	_, _, err := lang.Decode([]byte("a"), e)
	return err == nil
}

// decodeMultipart streams a multipart body part by part: files are
// read to their limit in memory (never to temporary files), fields to a
// few bytes, and any other part is an error.
func decodeMultipart(w http.ResponseWriter, r *http.Request, in *PairInput) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxPairBody)
	mr, err := r.MultipartReader()
	if err != nil {
		return errBad("multipart body: %v", err)
	}
	seen := map[string]bool{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return multipartError(err)
		}
		field := p.FormName()
		if seen[field] {
			return errBad("multipart: field %q given twice", field)
		}
		seen[field] = true
		switch field {
		case "source", "target", "xliff":
			data, err := io.ReadAll(io.LimitReader(p, lang.MaxFileSize+1))
			if err != nil {
				return multipartError(err)
			}
			if len(data) > lang.MaxFileSize {
				return &badRequest{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("%s: over %d bytes, the limit of an article", field, lang.MaxFileSize)}
			}
			def := field
			if field == "xliff" {
				def = "bilingual.xlf"
			}
			name, err := cleanName(p.FileName(), def)
			if err != nil {
				return err
			}
			d := &Document{Name: name, Data: data}
			switch field {
			case "source":
				in.Source = d
			case "target":
				in.Target = d
			default:
				in.XLIFF = d
			}
		case "source_lang", "encoding":
			var b bytes.Buffer
			if _, err := io.Copy(&b, io.LimitReader(p, 65)); err != nil {
				return multipartError(err)
			}
			if b.Len() > 64 {
				return errBad("multipart: field %q is too long", field)
			}
			if field == "encoding" {
				in.Encoding = strings.TrimSpace(b.String())
				continue
			}
			l, err := parseSourceLang(b.String())
			if err != nil {
				return err
			}
			in.SourceLang = l
		default:
			return errBad("multipart: unknown field %q (want source, target, xliff, source_lang, encoding)", field)
		}
	}
}

func multipartError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge(mbe.Limit)
	}
	return errBad("multipart body: %v", err)
}
