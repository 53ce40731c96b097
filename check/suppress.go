package check

import (
	"path"
	"strings"

	"tolmach/internal/lang"
)

// Ignore is a suppression from the configuration file ([[ignore]]): a
// finding is dropped when it matches every field that is set.
type Ignore struct {
	Rule string // a rule name; "" or "*" for all rules
	// Term is a concept id, or a text compared (folded) with the
	// finding's matches; "" for any.
	Term string
	// File is a glob ("articles/*.en.md", "*.ru.txt") matched against the
	// source and target paths and their base names; "" for any file.
	File string
}

// matches reports whether the suppression covers f.
func (ig Ignore) matches(f *Finding) bool {
	if ig.Rule != "" && ig.Rule != "*" && ig.Rule != f.Rule {
		return false
	}
	if ig.Term != "" && !termMatches(ig.Term, f) {
		return false
	}
	if ig.File != "" {
		hit := false
		for _, l := range []*Location{f.Source, f.Target} {
			if l != nil && globMatch(ig.File, l.Path) {
				hit = true
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// termMatches reports whether a suppression's term names f's concept or
// one of its matched texts (by the matching key, so inflected forms are
// covered).
func termMatches(term string, f *Finding) bool {
	if f.Term != nil && strings.EqualFold(term, f.Term.ID) {
		return true
	}
	key := lang.MatchKey(term)
	if key == "" {
		return false
	}
	for _, l := range []*Location{f.Source, f.Target} {
		if l != nil && l.Match != "" && strings.Contains(lang.MatchKey(l.Match), key) {
			return true
		}
	}
	if f.Term != nil && lang.MatchKey(f.Term.Source) == key {
		return true
	}
	return false
}

// globMatch matches a slash glob against a path, its base name and every
// suffix of it, so "*.en.md" and "articles/*.md" both work; "**/" matches
// any directories.
func globMatch(glob, p string) bool {
	glob = pathKey(glob)
	p = pathKey(p)
	glob = strings.ReplaceAll(glob, "**/", "")
	if ok, _ := path.Match(glob, p); ok {
		return true
	}
	parts := strings.Split(p, "/")
	for i := 1; i < len(parts); i++ {
		if ok, _ := path.Match(glob, strings.Join(parts[i:], "/")); ok {
			return true
		}
	}
	return false
}

// suppressed reports whether f is covered by a configured or an inline
// suppression.
func (c *Checker) suppressed(f *Finding, src, tgt *Document) bool {
	if c.opts.Suppress != nil && c.opts.Suppress(f) {
		return true
	}
	for _, ig := range c.opts.Ignores {
		if ig.matches(f) {
			return true
		}
	}
	for _, side := range []struct {
		d *Document
		l *Location
	}{{src, f.Source}, {tgt, f.Target}} {
		for _, r := range side.d.ignoreFile {
			if r == "*" || r == f.Rule {
				return true
			}
		}
		if side.l == nil {
			continue
		}
		for _, ig := range side.d.ignores {
			if side.l.Start < ig.Start || side.l.Start >= ig.End {
				continue
			}
			if ig.Rule != "*" && ig.Rule != f.Rule {
				continue
			}
			if len(ig.Terms) == 0 {
				return true
			}
			for _, t := range ig.Terms {
				if termMatches(t, f) {
					return true
				}
			}
		}
	}
	return false
}
