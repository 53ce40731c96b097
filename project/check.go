package project

import (
	"fmt"

	"tolmach/check"
	"tolmach/internal/config"
	"tolmach/internal/lang"
)

// CheckOptions builds a checker's options, but for the glossary, from
// the source language and encoding asked for and the project
// configuration cfg (nil when there is none): the configuration's
// source_lang when srcLang is "", its [rules] severities and its
// [[ignore]] suppressions. An unknown rule or severity is an error naming
// the configuration file.
func CheckOptions(cfg *config.Config, srcLang lang.Lang, encoding string) (check.Options, error) {
	co := check.Options{SourceLang: srcLang, Encoding: encoding, Severities: map[string]check.Severity{}}
	if cfg == nil {
		return co, nil
	}
	if co.SourceLang == "" && cfg.SourceLang != "" {
		co.SourceLang = lang.Lang(cfg.SourceLang)
	}
	for rule, sev := range cfg.Rules {
		if check.RuleByName(rule) == nil {
			return co, fmt.Errorf("%s: [rules]: unknown rule %q", cfg.Path, rule)
		}
		s, err := check.ParseSeverity(sev)
		if err != nil {
			return co, fmt.Errorf("%s: [rules] %s: %w", cfg.Path, rule, err)
		}
		co.Severities[rule] = s
	}
	if len(cfg.Ignore) > 0 {
		co.Suppress = func(f *check.Finding) bool {
			id := ""
			if f.Term != nil {
				id = f.Term.ID
			}
			for _, l := range []*check.Location{f.Source, f.Target} {
				if l != nil && cfg.Ignored(f.Rule, id, l.Path) {
					return true
				}
			}
			return false
		}
	}
	return co, nil
}

// ParseLang reads a --source-lang or lang value: "ru", "en", or "" (and
// "auto") for none.
func ParseLang(s string) (lang.Lang, error) {
	switch s {
	case "", "auto":
		return "", nil
	case "ru", "RU":
		return lang.RU, nil
	case "en", "EN":
		return lang.EN, nil
	}
	return "", fmt.Errorf("language %q: want ru or en", s)
}
