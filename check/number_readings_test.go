package check

import (
	"fmt"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// TestNumbersWrittenOtherWays holds number-mismatch to the ways real
// translations write one number: each kind in both directions, with the
// severity it deserves (none: the same number; info: another way a
// professional may choose; warning: unsure) and, beside it, a real change
// of the same kind that must stay an error.
func TestNumbersWrittenOtherWays(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		srcLang  lang.Lang
		want     []string // "severity: text of the message", in order
	}{
		{"digits glued to a name", "Популярна «Формула-1» и интерлейкин-6.", "F1 and IL6 are popular.", lang.RU, nil},
		{"digits glued to a name en-ru", "I cleaned the port of my Watch4 yesterday.", "Вчера я почистил порт на своих часах Watch 4.", lang.EN, nil},
		{"a name with another number", "Популярна «Формула-3».", "F2 is popular.", lang.RU, []string{"error: «3»"}},
		{"a phone number grouped another way", "Телефон: +7 (495) 229 62 01.", "Telephone: +7 (495) 229-6201.", lang.RU, nil},
		{"a phone number grouped another way en-ru", "Call +7 (495) 229-6201.", "Звоните: +7 (495) 229 62 01.", lang.EN, nil},
		{"a phone number changed", "Телефон: +7 (495) 229 62 01.", "Telephone: +7 (495) 229-6202.", lang.RU, []string{"error: «229»", "error: «62»", "error: «01»"}},
		{"a space group read apart", "Матрас Combi 16 100x185 см", "Combi 16 mattress 100x185 cm", lang.RU, nil},
		{"a space group read apart en-ru", "Combi 16 mattress 100x185 cm", "Матрас Combi 16 100x185 см", lang.EN, nil},
		{"miles converted", "The flight covered over 50 nautical miles at 16mph, then 65.", "Полёт дальше 92 км со скоростью 25 км/ч, потом 105 км/ч.", lang.EN,
			[]string{"info: converted between nautical miles and km", "info: converted between mph and km/h", "info: converted between mph and km/h"}},
		{"kilometres converted", "Пробег составил 160 км.", "The run was 100 miles.", lang.RU, []string{"info: converted between miles and km"}},
		{"Fahrenheit converted", "It was 86°F outside.", "На улице было 30 °C.", lang.EN, []string{"info: converted between °F and °C"}},
		{"feet converted", "a wall 10 feet high", "стена высотой 3 метра", lang.EN, []string{"info: converted between feet and m"}},
		{"a wrong conversion stays an error", "The flight covered 50 miles.", "Полёт был длиной 60 км.", lang.EN, []string{"error:"}},
		{"rounded", "Индекс вырос на 3,14 %.", "The index rose 3.1%.", lang.RU, []string{"info: rounded"}},
		{"rounded en-ru", "1,234,567 people voted.", "Проголосовали 1,2 млн человек.", lang.EN, []string{"info: rounded"}},
		{"a rounding of one digit is a change", "Доля выросла до 15 %.", "The share rose to 20%.", lang.RU, []string{"error:"}},
		{"a different figure is no rounding", "Договор ограничил число боезарядов до 1550.", "The treaty limited warheads to 1,500.", lang.RU, []string{"error:"}},
		{"the other separator", "В хакатоне участвовали более 42 000 человек.", "More than 42.000 people took part.", lang.RU, []string{"warning: a decimal mark in one language"}},
		{"the other separator en-ru", "More than 42,000 people took part.", "Участвовали более 42.000 человек.", lang.EN, []string{"warning: a decimal mark in one language"}},
		{"a number said once", "Вирус SARS-CoV-2 (коронавирус 2-го типа) опасен.", "The SARS-CoV-2 virus is dangerous.", lang.RU, []string{"info: a name glossed in parentheses"}},
		{"a name glossed in parentheses", "вызванной коронавирусом 2-го типа (SARS-CoV-2)", "caused by SARS-CoV-2", lang.RU, []string{"info: a name glossed in parentheses"}},
		{"a name glossed in parentheses en-ru", "the Su-35 fighter (Sukhoi-35)", "истребитель Су-35", lang.EN, []string{"info: a name glossed in parentheses"}},
		{"a number glossed in parentheses", "инфекция 19» (COVID-19)", "the disease COVID-19", lang.RU, []string{"info: a name glossed in parentheses"}},
		{"a number repeated", "С 16 января по 3 марта 2020 г.", "From 16 January 2020 to 3 March 2020.", lang.RU, []string{"info: a year said once for several dates"}},
		{"a number said once and lost", "Погибли 5 солдат и 5 мирных жителей.", "5 soldiers and civilians died.", lang.RU, []string{"warning: occurs more often in the source"}},
		{"a number said again by a word", "Тариф стоит 760 фунтов; столько же платят клиенты Avro.", "The tariff costs £760 and Avro customers pay around £760.", lang.RU,
			[]string{"info: says it again by a word"}},
		{"a number said again by a word en-ru", "The tariff costs £760 and Avro customers pay the same.", "Тариф стоит 760 фунтов, клиенты Avro платят 760 фунтов.", lang.EN,
			[]string{"info: says it again by a word"}},
		{"a phone number beside the same small number", "Факс: +7 (495) 229 62 01. Адрес: д. 12, стр. 1", "Fax: +7 (495) 229-6201. Address: 12, building 1", lang.RU, nil},
		{"a decade as its span", "По сообщениям ему было от 20-ти до 30-ти лет.", "He was reportedly aged in his 20s.", lang.RU, nil},
		{"a decade as its span en-ru", "He was in his 20s.", "Ему было 20–29 лет.", lang.EN, nil},
		{"a decade of years as its span", "in the 1990s", "в 1990–1999 годах", lang.EN, nil},
		{"another decade stays an error", "He was in his 20s.", "Ему было от 30 до 40 лет.", lang.EN, []string{"error: «40»", "error: \"20s\""}},
		{"an end of another decade stays an error", "He was in his 20s.", "Ему было от 20 до 40 лет.", lang.EN, []string{"error: «40»"}},
		{"a metric prefix as a scale", "геном от 26 до 32 тысяч нуклеотидов", "a genome of 26 to 32 kilobases", lang.RU, nil},
		{"a metric prefix on both sides stays an error", "32 тысячи километров", "32 kilometres", lang.RU, []string{"error:"}},
		{"a year said as this year", "Earlier this year, prices rose.", "В начале 2021 года цены выросли.", lang.EN, []string{"info: the source says this, last or next year"}},
		{"a year said as last year ru-en", "В прошлом году цены выросли.", "In 2020, prices rose.", lang.RU, []string{"info: the source says this, last or next year"}},
		{"a year left out", "In 2020, prices rose.", "В прошлом году цены выросли.", lang.EN, []string{"info: said as this, last or next year"}},
		{"a year as last year's", "the 2020 election", "прошлогодние выборы", lang.EN, []string{"info: said as this, last or next year"}},
		{"a year added stays an error", "Prices rose.", "В 2021 году цены выросли.", lang.EN, []string{"error: «2021»"}},
		{"a changed year stays an error beside this year", "This year, as in 2019, prices rose.", "В этом году, как и в 2018 году, цены выросли.", lang.EN, []string{"error: the source says \"2019\""}},
		{"three quarters as 75%", "Three-quarters of voters agreed.", "С этим согласились 75% избирателей.", lang.EN, []string{"info: in words (\"three-quarters\")"}},
		{"a conversion in parentheses left out", "The deal is worth $1.5bn (£1.1bn).", "Сделка стоит 1,5 млрд долларов.", lang.EN, []string{"info: its conversion in parentheses"}},
		{"a time and its conversion, the first left out", "At 15:00 GMT (18:00 Moscow time).", "В 18:00 по московскому времени.", lang.EN, []string{"info: its conversion in parentheses"}},
		{"a conversion after a changed amount stays an error", "The deal is worth $1.5bn (£1.1bn).", "Сделка стоит 2 млрд долларов.", lang.EN, []string{"error: \"1.5bn\"", "error: \"1.1bn\""}},
		{"a conversion of a measure left out", "The storm moved 10 miles (16km) inland.", "Шторм продвинулся на 16 км вглубь суши.", lang.EN, []string{"info: its conversion in parentheses"}},
		{"a conversion of an amount left out ru-en", "Штраф — 100 долларов (около 7 тыс. рублей).", "The fine is $100.", lang.RU, []string{"info: its conversion in parentheses"}},
		{"a part in parentheses is no conversion", "Police arrested 5 people (3 women).", "Полиция задержала 5 человек.", lang.EN, []string{"error: \"3\""}},
		{"No 10 as Downing Street", "No 10 said the plan was working.", "На Даунинг-стрит заявили, что план работает.", lang.EN, nil},
		{"Number 10 as Downing Street", "A Number 10 spokesman said.", "Представитель Даунинг-стрит сказал.", lang.EN, nil},
		{"No 10 without Downing Street stays an error", "No 10 said the plan was working.", "Правительство заявило, что план работает.", lang.EN, []string{"error: \"10\""}},
		{"under-18s as minors", "Vaccines for under-18s.", "Вакцины для несовершеннолетних.", lang.EN, nil},
		{"minors as under 18", "Вакцины для несовершеннолетних.", "Vaccines for people under 18.", lang.RU, nil},
		{"a height in feet and inches", "He is 5ft 10in tall.", "Его рост 178 см.", lang.EN, []string{"info: converted between imperial and metric units"}},
		{"a height in feet and inches ru-en", "Его рост 1,88 м.", "He is 6 feet 2 inches tall.", lang.RU, []string{"info: converted between imperial and metric units"}},
		{"a weight in stone and pounds", "He weighed 11st 4lb.", "Он весил 72 кг.", lang.EN, []string{"info: converted between imperial and metric units"}},
		{"a weight in stone", "He weighed 20st.", "Он весил 127 кг.", lang.EN, []string{"info: converted between stone and kg"}},
		{"feet in centimetres", "a wall 6ft high", "стена высотой 183 см", lang.EN, []string{"info: converted between feet and m"}},
		{"a height changed", "He is 5ft 10in tall.", "Его рост 168 см.", lang.EN, []string{"error:", "error:"}},
		{"a date as its holiday", "Парад пройдет к 9 мая.", "The parade will be held by Victory Day.", lang.RU, nil},
		{"a date as its holiday en-ru", "On May 9, Russia celebrates.", "В День Победы Россия празднует.", lang.EN, nil},
		{"a date as its holiday, the month first in Russian", "Поздравляем с 8 Марта!", "Happy International Women's Day!", lang.RU, nil},
		{"a holiday's date as a number", "Парад пройдет 9 мая.", "The parade will be held on Victory Day, May 9.", lang.RU, nil},
		{"another date is no holiday", "Парад пройдет 10 мая.", "The parade will be held on Victory Day.", lang.RU, []string{"error: «10»"}},
		{"a ratio as a percentage", "About 1 in 4 Americans agree.", "Около 25% американцев согласны.", lang.EN, []string{"info: a ratio said as a percentage"}},
		{"a ratio in words as a percentage", "Трое из десяти опрошенных согласны.", "30% of those polled agree.", lang.RU, []string{"info: a ratio said as a percentage"}},
		{"a percentage as a ratio", "Around 20% of voters agree.", "Согласен 1 из 5 избирателей.", lang.EN, []string{"info: a percentage said as a ratio"}},
		{"another ratio stays an error", "About 1 in 4 Americans agree.", "Около 40% американцев согласны.", lang.EN, []string{"error:", "error:"}},
		{"an emergency number as the service", "She called 911.", "Она позвонила в службу спасения.", lang.EN, nil},
		{"an emergency number kept", "She called 911.", "Она позвонила по номеру 911.", lang.EN, nil},
		{"another number is no service", "She called 912.", "Она позвонила в службу спасения.", lang.EN, []string{"error: \"912\""}},
		{"the 4th of July as its holiday", "on the 4th of July", "в День независимости", lang.EN, nil},
		{"half a million in one word", "More than 500,000 Americans have died.", "Погибли более полумиллиона американцев.", lang.EN, nil},
		{"years ago as the year", "It started four years ago.", "Это началось в 2016 году.", lang.EN, []string{"info: the source says this, last or next year"}},
		{"feet as a kilometre in words", "It is like a boat at 4000 ft in the air.", "Это как лодка на высоте в километр-полтора.", lang.EN, []string{"info: rounded into words"}},
		{"feet as more than a kilometre", "Welcome to 4000ft.", "Добро пожаловать на высоту больше километра.", lang.EN, []string{"info: rounded into words"}},
		{"miles as kilometres in words", "Он живёт в нескольких километрах отсюда.", "He lives 3 miles away.", lang.RU, []string{"info: metric unit in words"}},
		{"feet against a metric number stay an error", "at 4000 ft", "на высоте 3 километров", lang.EN, []string{"error:"}},
		{"months as the months from January", "Продажи за 9 месяцев 2021 года выросли.", "Sales rose in January-September 2021.", lang.RU, nil},
		{"months as the months from January en-ru", "Sales rose in the first 9 months.", "Продажи в январе–сентябре выросли.", lang.EN, nil},
		{"other months stay an error", "Продажи за 9 месяцев 2021 года выросли.", "Sales rose in January-August 2021.", lang.RU, []string{"error: «9»"}},
		{"an event named without its year", "Он выступил на ПМЭФ-2021.", "He spoke at the St. Petersburg International Economic Forum.", lang.RU, []string{"info: the event named without its year"}},
		{"an event named without its year en-ru", "the Euro-2020 final", "финал чемпионата Европы", lang.EN, []string{"info: the event named without its year"}},
		{"an event named with another year stays an error", "Он выступил на ПМЭФ-2021.", "He spoke at SPIEF 2020.", lang.RU, []string{"error:"}},
		{"a year changed is no rounding", "Закон вступил в силу в 2021 году.", "The law took effect in 2020.", lang.RU, []string{"error:"}},
		{"a couple as two", "It will take a couple of weeks.", "Это займёт 2 недели.", lang.EN, nil},
		{"a year and a half", "Прошло 1,5 года.", "A year and a half passed.", lang.RU, nil},
		{"two and a half is no year and a half", "Прошло 2,5 года.", "A year and a half passed.", lang.RU, []string{"error: «2,5»"}},
		{"not 100% as not always", "not 100% of course", "не всегда, конечно", lang.EN, []string{"info: said in words («всегда»)"}},
		{"a singular noun for one", "Дали гарантию (месяц).", "They gave a guarantee (1 month).", lang.RU, []string{"info: \"1\""}},
		{"the other way, a real change", "Дали гарантию на 2 месяца.", "They gave a 3-month guarantee.", lang.RU, []string{"error:"}},
		{"times on both clocks", "Сигнал поступил в 17 часов 47 минут.", "The call came at 5:47 PM.", lang.RU, nil},
		{"times on both clocks en-ru", "The call came at 5.47pm.", "Сигнал поступил в 17:47.", lang.EN, nil},
		{"a time changed", "Сигнал поступил в 17 часов 47 минут.", "The call came at 5:57 PM.", lang.RU, []string{"error:"}},
		{"a season", "В сезоне 2019/20 клуб выиграл.", "The club won in the 2019-20 season.", lang.RU, nil},
		{"a score", "They won 3-1.", "Они победили со счётом 3:1.", lang.EN, nil},
		{"a score drawn", "Матч завершился вничью 1:1.", "The match ended in a 1-1 draw.", lang.RU, nil},
		{"lakh", "Over 1.5 lakh people attended.", "Пришли более 150 тысяч человек.", lang.EN, nil},
		{"lakh changed", "Over 4.67 lakh people attended.", "Пришли 4 670 000 человек.", lang.EN, []string{"error:"}},
		{"around the clock", "Работает круглосуточно.", "Open 24/7.", lang.RU, nil},
		{"an age in a compound word", "A 25-year-old man was detained.", "Задержан двадцатипятилетний мужчина.", lang.EN, nil},
		{"an age changed in a compound word", "A 25-year-old man was detained.", "Задержан двадцатишестилетний мужчина.", lang.EN, []string{"error: \"25\""}},
		{"a million in m", "Some 1.5m people voted.", "Проголосовали около 1,5 млн человек.", lang.EN, nil},
		{"24 hours as a day", "За 24 часа выпало 50 мм осадков.", "50 mm of rain fell in a day.", lang.RU, nil},
		{"24 hours as around the clock", "Staff worked 24 hours a day.", "Персонал работал круглосуточно.", lang.EN, nil},
		{"24 people are no day", "Погибли 24 человека в тот день.", "42 people died that day.", lang.RU, []string{"error: «24»"}},
		{"a rating", "Кухня на четверку, рыба не удалась.", "Food was a 4/5, the fish wasn't good.", lang.RU, []string{"info: the scale of a rating"}},
		{"a rating changed", "Кухня на тройку.", "Food was a 4/5.", lang.RU, []string{"error: \"4\"", "info: the scale of a rating"}},
		{"military time", "We move out at 0500.", "Мы выдвигаемся в 5 утра.", lang.EN, nil},
		{"a name's number", "Число случаев коронавируса растёт.", "COVID-19 cases are rising.", lang.RU, []string{"warning: the name \"COVID-19\""}},
		{"a name's number en-ru", "The Su-35 fighters took off.", "Истребители «Сухой» взлетели.", lang.EN, []string{"warning: the name \"Su-35\""}},
		{"a name's number changed", "Взлетели истребители Су-35.", "The Su-57 fighters took off.", lang.RU, []string{"error: «35»"}},
		{"a time with an Armenian colon", "Землетрясение произошло в 01։23.", "The earthquake struck at 1:23 am.", lang.RU, nil},
		{"clock abbreviations", "Сигнал поступил в 17 ч 47 мин.", "The call came at 5:47 p.m.", lang.RU, nil},
		{"clock abbreviations with dots", "Сигнал поступил в 17 ч. 47 мин.", "The call came at 5:47 PM.", lang.RU, nil},
		{"clock abbreviations changed", "Сигнал поступил в 17 ч 47 мин.", "The call came at 6:47 p.m.", lang.RU, []string{"error: «17 ч 47 мин"}},
		{"a dotted time vs the 12-hour clock", "Сигнал поступил в 17.47.", "The call came at 5:47 p.m.", lang.RU, nil},
		{"a dotted time changed", "Сигнал поступил в 17.47.", "The call came at 6:47 p.m.", lang.RU, []string{"error: «17.47»"}},
		{"an English evening", "at 9 o'clock in the evening", "в 21:00", lang.EN, nil},
		{"an English afternoon", "at 2:30 in the afternoon", "в 14:30", lang.EN, nil},
		{"an English afternoon changed", "at 2:30 in the afternoon", "в 15:30", lang.EN, []string{"error:"}},
		{"a bare hour in the evening", "The rally starts at 9 in the evening.", "Митинг начнётся в 21:00.", lang.EN, nil},
		{"people in the evening stay people", "Police detained 9 in the evening raid.", "Полиция задержала 9 человек во время вечернего рейда.", lang.EN, nil},
		{"people in the evening changed", "Police detained 9 in the evening raid.", "Полиция задержала 12 человек во время вечернего рейда.", lang.EN, []string{"error: \"9\""}},
		{"hours and minutes with a hyphen", "в 14-30", "at 2:30pm", lang.RU, nil},
		{"hours and minutes with a hyphen changed", "в 14-30", "at 3:30pm", lang.RU, []string{"error:"}},
		{"a fiscal year", "в 2019/20 финансовом году", "in FY2019-20", lang.RU, nil},
		{"a fiscal year in two digits", "в 2020 финансовом году", "in FY20", lang.RU, nil},
		{"a fiscal year changed", "в 2019/20 финансовом году", "in FY2020-21", lang.RU, []string{"error:"}},
		{"a season with a hyphen", "в сезоне-2019/2020 клуб выиграл", "the club won in 2019-20", lang.RU, nil},
		{"a season changed", "в сезоне-2019/20 клуб выиграл", "the club won in 2019/21", lang.RU, []string{"info: \"21\"", "error: «2019/20»"}},
		{"lakh crore", "Sales reached Rs 1.2 lakh crore.", "Продажи достигли 1,2 трлн рупий.", lang.EN, nil},
		{"lakh crore changed", "Sales reached Rs 1.2 lakh crore.", "Продажи достигли 1,2 млрд рупий.", lang.EN, []string{"error:"}},
		{"a hundred and twenty in words", "Погибли сто двадцать человек.", "120 people died.", lang.RU, nil},
		{"a hundred and twenty in words, wrong", "Погибли сто двадцать человек.", "102 people died.", lang.RU, []string{"error: \"102\""}},
		{"English hundreds in words", "One hundred and twenty people died.", "Погибли 120 человек.", lang.EN, nil},
		{"English hundred thousand in words", "Three hundred thousand people died.", "Погибли 300 000 человек.", lang.EN, nil},
		{"percentage points pp", "Рост на 0,5 п. п.", "Growth of 0.5 pp.", lang.RU, nil},
		{"doubled", "Цены выросли в 2 раза.", "Prices doubled.", lang.RU, nil},
		{"tripled", "Цены выросли в 3 раза.", "Prices tripled.", lang.RU, nil},
		{"tripled is not doubled", "Цены выросли в 3 раза.", "Prices doubled.", lang.RU, []string{"error: «3»"}},
		{"a rise of 100% as a word", "Prices rose by 100%.", "Цены выросли вдвое.", lang.EN, []string{"info: said in words («вдвое»)"}},
		{"half as 50%", "Half of voters agreed.", "С этим согласились 50% избирателей.", lang.EN, []string{"info: in words (\"half\")"}},
		{"a quarter is not 50%", "A quarter of voters agreed.", "С этим согласились 50% избирателей.", lang.EN, []string{"error: «50%»"}},
		{"a week in days", "в течение 7 дней", "within a week", lang.RU, nil},
		{"a year in months", "за 12 месяцев", "over a year", lang.RU, nil},
		{"days in hours", "Спустя 48 часов.", "Two days later.", lang.RU, nil},
		{"days in hours, digits", "Спустя 48 часов.", "2 days later.", lang.RU, nil},
		{"two weeks are no seven days", "в течение 7 дней", "within two weeks", lang.RU, []string{"error: «7»"}},
		{"a week in days en-ru", "within a week", "в течение 7 дней", lang.EN, nil},
		{"a scale after a hyphen", "a Rs 500-crore project", "проект стоимостью 5 млрд рупий", lang.EN, nil},
		{"a scale after a hyphen changed", "a $5-billion deal", "сделка на 5 млн долларов", lang.EN, []string{"error: \"5-billion\""}},
		{"a time converted to another zone", "at 5:47 ET", "в 00:47 по московскому времени", lang.EN, []string{"info: another time zone"}},
		{"another hour and minutes is no zone", "at 5:47 ET", "в 00:42 по московскому времени", lang.EN, []string{"error:"}},
		{"the 12-hour clock without a marker", "The call came at 5:47.", "Звонок поступил в 17:47.", lang.EN, nil},
		{"the 12-hour clock without a marker ru-en", "Звонок поступил в 17:47.", "The call came at 5:47.", lang.RU, nil},
		{"the morning is no afternoon", "Звонок поступил в 17:47.", "The call came at 5:47 a.m.", lang.RU, []string{"error:"}},
		{"another hour without a marker", "Звонок поступил в 17:47.", "The call came at 6:47.", lang.RU, []string{"error:"}},
		{"tens in words", "Собрались полтора десятка человек.", "15 people gathered.", lang.RU, nil},
		{"dozens in words", "Two dozen people gathered.", "Собрались 24 человека.", lang.EN, nil},
		{"dozens in words changed", "Two dozen people gathered.", "Собрались 25 человек.", lang.EN, []string{"error: «25»"}},
		{"a word of a larger number in words", "Погибли сто двадцать человек.", "20 people died.", lang.RU, []string{"error: \"20\""}},
		{"dozens in words against a dozen", "Two dozen people gathered.", "Собрались 12 человек.", lang.EN, []string{"error: «12»"}},
		{"a hundred in words of hundreds", "Пришли двести человек.", "100 people came.", lang.RU, []string{"error: \"100\""}},
		{"and a half", "около трех с половиной миллионов", "some 3.5 million", lang.RU, nil},
		{"and a half changed", "около трех с половиной миллионов", "some 3.4 million", lang.RU, []string{"error: \"3.4 million\""}},
		{"minus in words", "Температура -5 градусов.", "The temperature is minus 5 degrees.", lang.RU, nil},
		{"minus lost", "Температура -5 градусов.", "The temperature is 5 degrees.", lang.RU, []string{"error: «-5»"}},
		{"a mixed fraction", "The project costs 2 1/2 million dollars.", "Проект стоит двух с половиной миллионов долларов.", lang.EN, nil},
		{"a fraction character", "The project costs $2½ million.", "Проект стоит 2,5 млн долларов.", lang.EN, nil},
		{"a mixed fraction changed", "The project costs 2 1/2 million dollars.", "Проект стоит двух миллионов долларов.", lang.EN, []string{"error: \"2 1/2 million\""}},
		{"tens from sixty in a compound", "Семидесятилетие победы отметили.", "The 70th anniversary of the victory was marked.", lang.RU, nil},
		{"tens and units to 99 in a compound", "A 75-year-old man was detained.", "Задержан семидесятипятилетний мужчина.", lang.EN, nil},
		{"tens and units to 99 changed", "A 75-year-old man was detained.", "Задержан семидесятишестилетний мужчина.", lang.EN, []string{"error: \"75\""}},
		{"hundreds in a compound", "The city marks its 300th anniversary.", "Город отмечает трёхсотлетие.", lang.EN, nil},
		{"hundreds in a compound changed", "The city marks its 300th anniversary.", "Город отмечает двухсотлетие.", lang.EN, []string{"error: \"300th\""}},
		{"a percentage in a compound", "They gave a 10% discount.", "Дали десятипроцентную скидку.", lang.EN, nil},
		{"a hundred percent in a compound", "Гарантия стопроцентная.", "The guarantee is 100%.", lang.RU, nil},
		{"a percentage in a compound changed", "They gave a 10% discount.", "Дали пятипроцентную скидку.", lang.EN, []string{"error: \"10%\""}},
		{"a number word is no percentage", "Prices rose 5%.", "Цены выросли в пять раз.", lang.EN, []string{"error: \"5%\""}},
		{"decades", "Over the past two decades it grew.", "За последние 20 лет он вырос.", lang.EN, nil},
		{"decades ru-en", "За два десятилетия он вырос.", "It grew in 20 years.", lang.RU, nil},
		{"a decade alone", "За 10 лет он вырос.", "It grew in a decade.", lang.RU, nil},
		{"decades changed", "Over the past two decades it grew.", "За последние 30 лет он вырос.", lang.EN, []string{"error: «30»"}},
		{"a century", "It was built a century ago.", "Его построили 100 лет назад.", lang.EN, nil},
		{"half a century", "Прошло полвека.", "50 years have passed.", lang.RU, nil},
		{"half a century en-ru", "Half a century has passed.", "Прошло 50 лет.", lang.EN, nil},
		{"a quarter of a century", "Прошло 25 лет.", "A quarter of a century has passed.", lang.RU, nil},
		{"a quarter of a century ru-en", "Прошла четверть века.", "25 years have passed.", lang.RU, nil},
		{"half an hour", "Прошло полчаса.", "30 minutes passed.", lang.RU, nil},
		{"half an hour en-ru", "Half an hour passed.", "Прошло 30 минут.", lang.EN, nil},
		{"half an hour changed", "Half an hour passed.", "Прошло 20 минут.", lang.EN, []string{"error: «20»"}},
		{"a year and a half", "Через полтора года.", "18 months later.", lang.RU, nil},
		{"a year and a half en-ru", "A year and a half later.", "Спустя 18 месяцев.", lang.EN, nil},
		{"a year and a half changed", "Через полтора года.", "16 months later.", lang.RU, []string{"error: \"16\""}},
		{"a fortnight", "В течение 14 дней.", "Within a fortnight.", lang.RU, nil},
		{"half a day", "Через полдня.", "12 hours later.", lang.RU, nil},
		{"half a day changed", "Через полдня.", "10 hours later.", lang.RU, []string{"error: \"10\""}},
		{"basis points", "The bank raised the rate by 25 basis points.", "Банк повысил ставку на 0,25 процентного пункта.", lang.EN, nil},
		{"basis points ru-en", "Банк повысил ставку на 0,5 п.п.", "The bank raised the rate by 50bp.", lang.RU, nil},
		{"basis points in Russian", "Ставку повысили на 25 б.п.", "The rate was raised by 0.25 percentage points.", lang.RU, nil},
		{"basis points changed", "The bank raised the rate by 25 basis points.", "Банк повысил ставку на 0,5 процентного пункта.", lang.EN, []string{"error:"}},
		{"beats per minute are no basis points", "The heart beat at 120 bpm.", "Сердце билось с частотой 1,2 удара в минуту.", lang.EN, []string{"error:"}},
		{"a stage of a tournament", "Команда вышла в 1/8 финала.", "The team reached the last 16.", lang.RU, nil},
		{"a stage of a tournament in words", "Команда вышла в 1/4 финала.", "The team reached the quarter-finals.", lang.RU, nil},
		{"a stage of a tournament kept as a fraction", "В 1/4 финала сыграли вничью 1:1.", "In the 1/4 final they drew 1:1.", lang.RU, nil},
		{"a stage of a tournament changed", "Команда вышла в 1/8 финала.", "The team reached the last 32.", lang.RU, []string{"error: \"32\""}},
		{"stoppage time", "Он забил на 90+3-й минуте.", "He scored in the 93rd minute.", lang.RU, nil},
		{"stoppage time changed", "Он забил на 90+3-й минуте.", "He scored in the 94th minute.", lang.RU, []string{"error:"}},
		{"a hundred percent as emphasis", "Источники сказали, что это точно он.", "The sources said it is 100% him.", lang.RU, []string{"info: in words («точно»)"}},
		{"a hundred percent as a whole", "The plant is 100 per cent owned by the state.", "Завод полностью принадлежит государству.", lang.EN, []string{"info: in words («полностью»)"}},
		{"a hundred percent left out", "The plant is 100 per cent owned by the state.", "Завод принадлежит государству.", lang.EN, []string{"error: \"100 per cent\""}},
		{"a rise as a multiple", "Цены выросли в 1,5 раза.", "Prices rose by 50%.", lang.RU, []string{"info: a multiple said as a percentage"}},
		{"a rise as a multiple in words", "Цены выросли в полтора раза.", "Prices rose by 50%.", lang.RU, []string{"info: a multiple said as a percentage"}},
		{"a fall as a multiple", "Prices fell by 75%.", "Цены упали в 4 раза.", lang.EN, []string{"info: a percentage said as a multiple"}},
		{"a multiple in English", "Exports grew 2.5 times.", "Экспорт вырос на 150%.", lang.EN, []string{"info: a multiple said as a percentage"}},
		{"another multiple", "Цены выросли в 1,5 раза.", "Prices rose by 40%.", lang.RU, []string{"error:"}},
		{"a number without times is no multiple", "Цены выросли на 1,5 рубля.", "Prices rose by 50%.", lang.RU, []string{"error:"}},
		{"pc for percent", "Inflation rose to 5pc.", "Инфляция выросла до 5%.", lang.EN, nil},
		{"pc for percent changed", "Inflation rose to 5pc.", "Инфляция выросла до 6%.", lang.EN, []string{"error:"}},
		{"a hundred in the genitive", "Пришли более ста человек.", "Over 100 people came.", lang.RU, nil},
		{"a hundred in the genitive changed", "Пришли более ста человек.", "Over 200 people came.", lang.RU, []string{"error: \"200\""}},
		{"a fifth as 20%", "Пятая часть населения уехала.", "20% of the population left.", lang.RU, []string{"info: in words («пятая»)"}},
		{"a fifth is no 25%", "Пятая часть населения уехала.", "25% of the population left.", lang.RU, []string{"error:"}},
		{"three days are no 48 hours", "Спустя 48 часов.", "Three days later.", lang.RU, []string{"error: «48»"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCheck(t, tt.src, tt.tgt, tt.srcLang)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "number-mismatch" {
					got = append(got, fmt.Sprintf("%s: %s", f.Severity, f.Message))
				}
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				sev, text, _ := strings.Cut(tt.want[i], ":")
				ok = strings.HasPrefix(got[i], sev+": ") && strings.Contains(got[i], strings.TrimSpace(text))
			}
			if !ok {
				t.Errorf("number findings:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// FuzzNumberReadings feeds the helpers of number-mismatch text of any
// shape (they slice around numerals, decode runes backwards, look for
// units after them): none may panic, and a text's numerals never differ
// from themselves.
func FuzzNumberReadings(f *testing.F) {
	f.Add("Телефон: +7 (495) 229 62 01, 16x12\", 50 nautical miles", "Call 229-6201, 16 × 12, 92 км")
	f.Add("COVID-19 4/5 1.5m 0500 GMT «01։23»", "коронавирус на четвёрку 1,5 млн в 5 утра")
	f.Add("86°F, 10 feet, 3,14 %", "30 °C, 3 метра, 3.1%")
	f.Add("$1.5bn (£1.1bn) in the 1990s, 2-го типа (SARS-CoV-2)", "от 20 до 30 лет в прошлом году, столько же, 32 kilobases")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := lang.Numbers(a), lang.Numbers(b)
		missing, extra := lang.SameNumbers(na, nb)
		missing = dropGlued(missing, b)
		extra = dropGlued(extra, a)
		if a2, b2, ok := dropSharedChains(a, b, na, nb, missing, extra); ok {
			na, nb = a2, b2
			missing, extra = lang.SameNumbers(na, nb)
		}
		missing, extra = splitGroups(missing, extra)
		missing, extra = dropDecadeSpans(missing, extra, na, nb)
		missing, extra = dropPrefixedUnits(a, b, missing, extra)
		missing, extra = dropDurations(a, b, 0, missing, extra, nb)
		extra, missing = dropDurations(b, a, 0, extra, missing, na)
		for _, m := range missing {
			nameOf(a, m, b)
			denominator(a, m)
			loneOne(m)
			repeated(m, na, nb)
			saidOnce(a, m, na, b)
			dropNamedNumbers(a, []lang.Numeral{m}, b)
			relativeYear(m, b)
			inConversion(a, m, na, missing)
			measureOf(a, m)
			ratioAt(a, na, indexOfNumeral(na, m))
			metricInWords(a, m, b)
			dropMonthSpans(a, []lang.Numeral{m}, b)
			yearOfName(m)
			um, ok1 := unitOf(a, na, indexOfNumeral(na, m))
			for _, e := range extra {
				twelveHour(m, e)
				rounded(m, e)
				otherSeparator(m, e)
				if ue, ok2 := unitOf(b, nb, indexOfNumeral(nb, e)); ok1 && ok2 {
					converted(m, um, e, ue)
				}
			}
		}
		for _, e := range extra {
			nameOf(b, e, a)
			denominator(b, e)
		}
		if m, e := lang.SameNumbers(na, na); len(m)+len(e) > 0 {
			t.Fatalf("numerals of %q differ from themselves: %v %v", a, m, e)
		}
	})
}
