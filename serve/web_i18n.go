package serve

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The web app speaks Russian and English: ?ui=ru|en chooses (and is
// remembered in a cookie), else the browser's Accept-Language.

const uiCookie = "tolmach_ui"

// uiLang returns the interface language of a request.
func uiLang(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("ui"); l == "ru" || l == "en" {
		http.SetCookie(w, &http.Cookie{Name: uiCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
		return l
	}
	if c, err := r.Cookie(uiCookie); err == nil && (c.Value == "ru" || c.Value == "en") {
		return c.Value
	}
	return acceptLang(r.Header.Get("Accept-Language"))
}

// acceptLang picks ru or en from an Accept-Language header: the first
// of the two it lists with a non-zero weight, English when neither.
func acceptLang(h string) string {
	best, bestQ := "en", -1.0
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		primary, _, _ := strings.Cut(tag, "-")
		if primary != "ru" && primary != "en" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if _, err := fmt.Sscanf(v, "%g", &q); err != nil {
				continue
			}
		}
		if q > bestQ && q > 0 {
			best, bestQ = primary, q
		}
	}
	return best
}

func otherUI(ui string) string {
	if ui == "ru" {
		return "en"
	}
	return "ru"
}

// uiLink returns the request's URL with ui set to lang, for the switch.
func uiLink(r *http.Request, lang string) string {
	u := *r.URL
	q := u.Query()
	q.Set("ui", lang)
	q.Del("part")
	u.RawQuery = q.Encode()
	return (&url.URL{Path: u.Path, RawQuery: u.RawQuery}).String()
}

// translator returns the T function of the templates for ui: a message
// by key, formatted with args; a key with no message is shown as it is
// (page titles that are a query, say).
func translator(ui string) func(key string, args ...any) string {
	return func(key string, args ...any) string {
		m, ok := messages[key]
		if !ok {
			if len(args) > 0 {
				return fmt.Sprint(append([]any{key}, args...)...)
			}
			return key
		}
		s := m.en
		if ui == "ru" {
			s = m.ru
		}
		if len(args) > 0 {
			s = fmt.Sprintf(s, args...)
		}
		return s
	}
}

// message is one interface text in both languages.
type message struct{ en, ru string }

// messages are the interface texts. Russian follows the usage of
// Russian software: «ёлочки», ё where it belongs.
var messages = map[string]message{
	"nav.skip":            {"Skip to the content", "К содержимому"},
	"nav.label":           {"Sections", "Разделы"},
	"nav.lookup":          {"Lookup", "Поиск терминов"},
	"nav.check":           {"Check", "Проверка перевода"},
	"nav.tm":              {"Translation memory", "Память переводов"},
	"nav.glossary":        {"Glossary", "Глоссарий"},
	"nav.other_ui":        {"По-русски", "In English"},
	"footer.loaded":       {"%d concepts and %d translation units loaded.", "Загружено понятий: %d, единиц памяти переводов: %d."},
	"footer.reload_error": {"The last change to the glossaries could not be loaded; the previous version is in use", "Последнее изменение глоссариев не загрузилось; используется прежняя версия"},

	"lang.ru": {"Russian", "Русский"},
	"lang.en": {"English", "Английский"},

	"status.preferred":  {"preferred", "предпочтительный"},
	"status.admitted":   {"admitted", "допустимый"},
	"status.deprecated": {"deprecated", "нежелательный"},
	"status.forbidden":  {"forbidden", "запрещённый"},
	"type.fullForm":     {"full form", "полная форма"},
	"type.abbreviation": {"abbreviation", "сокращение"},
	"type.shortForm":    {"short form", "краткая форма"},
	"type.phrase":       {"formula", "формула"},
	"type.variant":      {"variant", "вариант"},
	"match.exact":       {"exact match", "точное совпадение"},
	"match.stemmed":     {"another form", "другая форма слова"},
	"match.fuzzy":       {"similar spelling", "похожее написание"},
	"match.partial":     {"partial match", "частичное совпадение"},
	"match.none":        {"match", "совпадение"},

	"lookup.title":       {"Lookup", "Поиск терминов"},
	"lookup.label":       {"Term in Russian or English", "Термин на русском или английском"},
	"lookup.placeholder": {"ШОС, три силы зла, multipolar world…", "ШОС, три силы зла, multipolar world…"},
	"lookup.submit":      {"Find", "Найти"},
	"lookup.lang":        {"Language of the query", "Язык запроса"},
	"lookup.lang_auto":   {"by the letters", "определить по алфавиту"},
	"lookup.exact":       {"only as written", "только как написано"},
	"lookup.help":        {"Any case, number or inflected form; typos and half-typed words are forgiven. Results appear as you type.", "Любой падеж, число и форма слова; опечатки и недописанные слова прощаются. Результаты появляются по мере ввода."},
	"lookup.results":     {"Results", "Результаты"},
	"lookup.found":       {"%d concepts for «%s»", "Понятий по запросу «%[2]s»: %[1]d"},
	"lookup.none":        {"Nothing found for «%s».", "По запросу «%s» ничего не найдено."},

	"check.title":        {"Check a translation", "Проверка перевода"},
	"check.lead":         {"Paste or upload an original and its translation (text, Markdown, HTML or DOCX), or one bilingual XLIFF file. The texts are aligned sentence by sentence and checked for missing, forbidden and inconsistent terms, numbers, omissions and untranslated text.", "Вставьте или загрузите оригинал и перевод (текст, Markdown, HTML или DOCX) либо один двуязычный файл XLIFF. Тексты выравниваются по предложениям и проверяются на пропущенные, запрещённые и непоследовательные термины, числа, пропуски и непереведённый текст."},
	"check.source":       {"Original", "Оригинал"},
	"check.target":       {"Translation", "Перевод"},
	"check.paste_source": {"Paste the original", "Вставьте оригинал"},
	"check.paste_target": {"Paste the translation", "Вставьте перевод"},
	"check.or_file":      {"or choose a file (.txt, .md, .html, .docx)", "или выберите файл (.txt, .md, .html, .docx)"},
	"check.format":       {"Pasted text is", "Вставленный текст —"},
	"check.format_text":  {"plain text", "обычный текст"},
	"check.source_lang":  {"Language of the original", "Язык оригинала"},
	"check.lang_auto":    {"detect", "определить"},
	"check.xliff_legend": {"Or a bilingual file", "Или двуязычный файл"},
	"check.xliff":        {"XLIFF 1.2 or 2.0 from a CAT tool", "XLIFF 1.2 или 2.0 из CAT-программы"},
	"check.submit":       {"Check", "Проверить"},

	"report.title":             {"Check report", "Отчёт о проверке"},
	"report.errors":            {"errors: %d", "ошибок: %d"},
	"report.warnings":          {"warnings: %d", "предупреждений: %d"},
	"report.info":              {"notes: %d", "к сведению: %d"},
	"report.checked":           {"%d segments, %d terms checked", "проверено сегментов: %d, терминов: %d"},
	"report.again":             {"Check another", "Проверить другой текст"},
	"report.filters":           {"Filters", "Фильтры"},
	"report.severity":          {"Severity", "Важность"},
	"report.rules":             {"Rules", "Правила"},
	"report.findings":          {"Findings", "Результаты проверки"},
	"report.row":               {"row %d", "строка %d"},
	"report.suppress":          {"Silence this finding…", "Отключить это замечание…"},
	"report.suppress_toml":     {"In tolmach.toml, for this rule and term in this file:", "В tolmach.toml — для этого правила и термина в этом файле:"},
	"report.suppress_inline":   {"In %s, before the paragraph:", "В %s перед абзацем:"},
	"report.suppress_baseline": {"In the baseline file, in its list of findings (accepts this finding only):", "В файле базовой линии (baseline), в списке findings — принимает только это замечание:"},
	"report.copy":              {"Copy", "Копировать"},
	"report.copied":            {"Copied", "Скопировано"},
	"report.clean":             {"No findings under the rules in use.", "По действующим правилам замечаний нет."},
	"report.aligned":           {"The texts side by side", "Тексты рядом"},
	"report.added":             {"added in the translation", "добавлено в переводе"},
	"report.omitted":           {"missing from the translation", "отсутствует в переводе"},
	"sev.error":                {"error", "ошибка"},
	"sev.warning":              {"warning", "предупреждение"},
	"sev.info":                 {"note", "к сведению"},

	"tm.title":       {"Translation memory", "Память переводов"},
	"tm.none_loaded": {"No translation memory is loaded: start the server with --tm FILE, or list TMs under tms in tolmach.toml.", "Память переводов не загружена: запустите сервер с --tm ФАЙЛ или перечислите файлы в tms в tolmach.toml."},
	"tm.label":       {"Sentence or phrase", "Предложение или фраза"},
	"tm.placeholder": {"Россия и Китай подписали совместное заявление", "Россия и Китай подписали совместное заявление"},
	"tm.submit":      {"Search", "Искать"},
	"tm.mode":        {"Search for", "Что искать"},
	"tm.match":       {"fuzzy matches of a sentence", "нечёткие совпадения предложения"},
	"tm.search":      {"a phrase in any form (concordance)", "фразу в любой форме (конкорданс)"},
	"tm.min":         {"Lowest match, %", "Минимальное совпадение, %"},
	"tm.source":      {"Source", "Исходный текст"},
	"tm.target":      {"Translation", "Перевод"},
	"tm.no_hits":     {"No unit holds «%s».", "Ни одна единица не содержит «%s»."},
	"tm.no_matches":  {"No match of %d%% or more.", "Совпадений от %d%% нет."},
	"tm.too_long":    {"The query is too long or not valid text.", "Запрос слишком длинный или не является текстом."},

	"glossary.title":         {"Glossary", "Глоссарий"},
	"glossary.lead":          {"%d concepts, by subject field.", "Понятий: %d, по предметным областям."},
	"glossary.crumbs":        {"You are here", "Вы здесь"},
	"glossary.no_domain":     {"No subject field", "Без предметной области"},
	"glossary.filter":        {"Show terms containing", "Термины, содержащие"},
	"glossary.filter_submit": {"Filter", "Отобрать"},
	"glossary.count":         {"%d concepts", "Понятий: %d"},
	"glossary.id":            {"Id", "Идентификатор"},
	"glossary.pages":         {"Pages", "Страницы"},
	"glossary.prev":          {"previous", "назад"},
	"glossary.next":          {"next", "далее"},
	"glossary.page":          {"page %d of %d", "страница %d из %d"},
	"glossary.sources":       {"Glossaries in use", "Используемые глоссарии"},

	"concept.id":          {"Id", "Идентификатор"},
	"concept.domain":      {"Subject field", "Предметная область"},
	"concept.definition":  {"Definition", "Определение"},
	"concept.note":        {"Note", "Примечание"},
	"concept.source":      {"Source", "Источник"},
	"concept.origin":      {"Defined in", "Где задано"},
	"concept.term":        {"Term", "Термин"},
	"concept.status":      {"Status", "Статус"},
	"concept.type":        {"Type", "Тип"},
	"concept.case":        {"case", "регистр"},
	"concept.case_title":  {"matched only in this case", "совпадает только в этом регистре"},
	"concept.exact":       {"exact", "точно"},
	"concept.exact_title": {"matched only as written, not in other forms", "совпадает только в этой форме"},

	"error.title": {"Something is wrong", "Что-то не так"},
	"error.home":  {"Back to the lookup", "К поиску терминов"},
}
