package project

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"tolmach/data"
	"tolmach/glossary"
	"tolmach/index"
	"tolmach/internal/config"
)

// GlossarySource is one glossary in use: a file with its size and
// modification time when it was chosen, or the built-in glossary (Path
// "").
type GlossarySource struct {
	Path    string    // "" for the built-in glossary
	Size    int64     // file size in bytes
	ModTime time.Time // file modification time
}

// String names the source for people.
func (s GlossarySource) String() string {
	if s.Path == "" {
		return "built-in glossary"
	}
	return s.Path
}

// Builtin marks the built-in glossary in a source list.
var Builtin = GlossarySource{}

// FindConfig returns the tolmach.toml found from dir upwards, or nil (and
// no error) when there is none.
func FindConfig(dir string) (*config.Config, error) {
	return config.Discover(dir)
}

// GlossaryPaths returns the glossary files chosen by the contract's rule
// without looking at them: paths when given (--glossary), else the
// configuration's glossaries; nil means the built-in glossary.
func GlossaryPaths(cfg *config.Config, paths []string) []string {
	if len(paths) == 0 && cfg != nil && len(cfg.Glossaries) > 0 {
		return cfg.Glossaries
	}
	return paths
}

// GlossariesInUse implements the contract's choice of glossaries without
// reading them: paths (--glossary), else the glossaries of cfg (which may
// be nil), else the built-in glossary. Files are stat'ed, so a missing
// one is an error naming it.
func GlossariesInUse(cfg *config.Config, paths []string) ([]GlossarySource, error) {
	paths = GlossaryPaths(cfg, paths)
	if len(paths) == 0 {
		return []GlossarySource{Builtin}, nil
	}
	srcs := make([]GlossarySource, 0, len(paths))
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err // *fs.PathError names the file
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a glossary file", p)
		}
		srcs = append(srcs, GlossarySource{Path: p, Size: fi.Size(), ModTime: fi.ModTime()})
	}
	return srcs, nil
}

// LoadSources reads each source as its own glossary, unmerged (lint
// needs them apart to report an id used in two files).
func LoadSources(srcs []GlossarySource) ([]*glossary.Glossary, error) {
	var gs []*glossary.Glossary
	for _, s := range srcs {
		if s.Path == "" {
			bg, err := builtinGlossaries()
			if err != nil {
				return nil, err
			}
			gs = append(gs, bg...)
			continue
		}
		g, err := glossary.Load(s.Path)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// builtinGlossaries parses the built-in glossary files. It is parsed on
// demand, never at start-up: most commands find a fresh cached index or
// checker and need no glossary at all.
func builtinGlossaries() ([]*glossary.Glossary, error) {
	gs, err := glossary.ParseFS(data.Glossaries, data.BuiltinPattern, "builtin:")
	if err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	return gs, nil
}

// Load reads the sources and merges them into one glossary.
func Load(srcs []GlossarySource) (*glossary.Glossary, error) {
	gs, err := LoadSources(srcs)
	if err != nil {
		return nil, err
	}
	return glossary.Merge(gs...), nil
}

// IndexSources names the glossaries srcs as sources of the lookup index
// (see [index.Cache]) without parsing them: files by path, the built-in
// glossary by its embedded bytes (hashed for the cache key, well under a
// millisecond).
func IndexSources(srcs []GlossarySource) ([]index.Source, error) {
	out := make([]index.Source, len(srcs))
	for i, s := range srcs {
		if s.Path != "" {
			out[i] = index.Source{Path: s.Path}
			continue
		}
		content, err := BuiltinContent()
		if err != nil {
			return nil, err
		}
		out[i] = index.Source{Name: s.String(), Data: content}
	}
	return out, nil
}

// BuiltinContent returns the built-in glossary files, names and
// contents, as one byte string for cache keys.
func BuiltinContent() ([]byte, error) {
	names, err := fs.Glob(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		return nil, fmt.Errorf("built-in glossary: %w", err)
	}
	var b bytes.Buffer
	for _, n := range names {
		d, err := fs.ReadFile(data.Glossaries, n)
		if err != nil {
			return nil, fmt.Errorf("built-in glossary: %w", err)
		}
		b.WriteString(n)
		b.WriteByte(0)
		b.Write(d)
		b.WriteByte(0)
	}
	return b.Bytes(), nil
}

// Describe names sources for people: "a.tbx, b.csv".
func Describe(srcs []GlossarySource) string {
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.String()
	}
	return strings.Join(names, ", ")
}

// TMPaths returns the translation memories in use: paths (--tm) when
// given, else the configuration's tms (cfg may be nil).
func TMPaths(cfg *config.Config, paths []string) []string {
	if len(paths) == 0 && cfg != nil {
		return cfg.TMs
	}
	return paths
}
