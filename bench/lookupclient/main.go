// Command lookupclient times lookups of the same words against a
// resident tolmach server (GET /api/v1/lookup over one keep-alive HTTP
// connection) and a dictd server (DEFINE over one TCP connection), side
// by side, one query at a time, and prints the median and 99th
// percentile of each.
//
// tolmach is asked twice over: with a minimal HTTP/1.1 client (one
// goroutine writing the request and reading the answer, as the dictd
// client does for DEFINE), and with Go's net/http client, whose
// transport hands each request and answer between three goroutines
// and adds some 40–50 µs per round trip on this kind of machine, which
// is the client's cost, not the server's. Both connections set TCP_NODELAY and, before each
// read, TCP_QUICKACK: dictd answers in several small writes, and with
// delayed ACKs its per-query time would be ~40 ms of waiting, not work.
//
//	lookupclient -words words.txt -tolmach http://127.0.0.1:7340 -dictd 127.0.0.1:2628 -db mueller7
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	wordsFile := flag.String("words", "", "file of queries, one per line")
	tolmach := flag.String("tolmach", "", "base URL of tolmach serve")
	dictd := flag.String("dictd", "", "HOST:PORT of dictd")
	db := flag.String("db", "mueller7", "dictd database")
	rounds := flag.Int("rounds", 3, "times each word is asked (the first ask and the others are reported apart)")
	flag.Parse()
	words, err := readWords(*wordsFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lookupclient:", err)
		os.Exit(2)
	}
	fmt.Printf("%d words × %d rounds, one query at a time; a warm-up of 20 queries first\n\n", len(words), *rounds)
	fmt.Printf("| server | queries | median | p90 | p99 |\n| --- | ---: | ---: | ---: | ---: |\n")
	// The first ask of each word and the later ones are reported apart:
	// tolmach keeps recent answers (and both servers' files are then in
	// the page cache).
	if *tolmach != "" {
		lat, err := timeTolmachRaw(*tolmach, words, *rounds)
		report("tolmach serve, HTTP keep-alive, first ask", lat[:min(len(lat), len(words))], err)
		report("tolmach serve, HTTP keep-alive, asked again", lat[min(len(lat), len(words)):], err)
		// The same words again, now answered from serve's lookup cache
		// in every round, through Go's client.
		lat, err = timeTolmach(*tolmach, words, 1)
		report("tolmach serve, asked again through Go's net/http client", lat, err)
	}
	if *dictd != "" {
		lat, err := timeDictd(*dictd, *db, words, *rounds)
		report("dictd, DEFINE on one connection, first ask", lat[:min(len(lat), len(words))], err)
		report("dictd, DEFINE on one connection, asked again", lat[min(len(lat), len(words)):], err)
	}
}

func readWords(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no words", path)
	}
	return out, nil
}

func report(name string, lat []time.Duration, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "lookupclient: %s: %v\n", name, err)
		os.Exit(1)
	}
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	q := func(p int) string { return fmt.Sprintf("%.3f ms", float64(lat[len(lat)*p/100].Microseconds())/1000) }
	fmt.Printf("| %s | %d | %s | %s | %s |\n", name, len(lat), q(50), q(90), q(99))
}

// quickAck re-arms TCP_QUICKACK on c (Linux clears it as it goes).
func quickAck(c syscall.RawConn) {
	c.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, 0xc /* TCP_QUICKACK */, 1)
	})
}

// quickAckConn sets TCP_QUICKACK before every read.
type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
}

func (c quickAckConn) Read(b []byte) (int, error) {
	quickAck(c.raw)
	return c.TCPConn.Read(b)
}

func dial(addr string) (net.Conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := c.(*net.TCPConn)
	tc.SetNoDelay(true)
	raw, err := tc.SyscallConn()
	if err != nil {
		return nil, err
	}
	return quickAckConn{tc, raw}, nil
}

func timeTolmach(base string, words []string, rounds int) ([]time.Duration, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1,
		DialContext: func(_ context.Context, _, _ string) (net.Conn, error) { return dial(u.Host) },
	}}
	return timeAsks(words, rounds, func(w string) error {
		resp, err := client.Get(base + "/api/v1/lookup?q=" + url.QueryEscape(w))
		if err != nil {
			return err
		}
		return drain(w, resp)
	})
}

// timeTolmachRaw is timeTolmach with a minimal HTTP/1.1 client: the
// request written in one write, the answer's status line and headers
// read, then its body by Content-Length (or chunks).
func timeTolmachRaw(base string, words []string, rounds int) ([]time.Duration, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	c, err := dial(u.Host)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	br := bufio.NewReaderSize(c, 64<<10)
	var req []byte
	get := func(w string) error {
		req = append(req[:0], "GET /api/v1/lookup?q="...)
		req = append(req, url.QueryEscape(w)...)
		req = append(req, " HTTP/1.1\r\nHost: "...)
		req = append(req, u.Host...)
		req = append(req, "\r\n\r\n"...)
		if _, err := c.Write(req); err != nil {
			return err
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return err
		}
		return drain(w, resp)
	}
	return timeAsks(words, rounds, get)
}

// drain reads and closes the answer to the lookup of w; anything but a
// 200 is an error.
func drain(w string, resp *http.Response) error {
	_, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		return fmt.Errorf("%q: status %d %v", w, resp.StatusCode, err)
	}
	return nil
}

func timeDictd(addr, db string, words []string, rounds int) ([]time.Duration, error) {
	c, err := dial(addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	br := bufio.NewReader(c)
	if _, err := br.ReadString('\n'); err != nil { // 220 banner
		return nil, err
	}
	define := func(w string) error {
		if _, err := fmt.Fprintf(c, "DEFINE %s \"%s\"\r\n", db, strings.ReplaceAll(w, `"`, ``)); err != nil {
			return err
		}
		// The answer ends with a status line: 250 after the
		// definitions, or 552 (no match), or another error.
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return err
			}
			if len(line) >= 4 && line[3] == ' ' && (line[:3] == "250" || line[0] == '5' || line[0] == '4') {
				return nil
			}
		}
	}
	lat, err := timeAsks(words, rounds, define)
	fmt.Fprintf(c, "QUIT\r\n")
	return lat, err
}

// timeAsks warms the connection with 20 words not asked later, then
// times ask of each word, rounds times over.
func timeAsks(words []string, rounds int, ask func(word string) error) ([]time.Duration, error) {
	for i := range 20 {
		if err := ask(fmt.Sprint("warmup", i)); err != nil {
			return nil, err
		}
	}
	var lat []time.Duration
	for r := 0; r < rounds; r++ {
		for _, w := range words {
			start := time.Now()
			if err := ask(w); err != nil {
				return nil, err
			}
			lat = append(lat, time.Since(start))
		}
	}
	return lat, nil
}
