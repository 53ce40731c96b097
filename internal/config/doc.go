// Package config reads tolmach's project configuration, tolmach.toml,
// found from the working directory upwards: the glossaries and
// translation memories a project uses, its source language, the
// severity of each check rule and the findings to ignore.
//
// It owns the file's format and the template `tolmach init` writes. It
// knows nothing of glossaries, TMs or the checker beyond their paths and
// rule names, never prints and never exits; errors name file:line.
package config
