/**
 * Places and people briefings name in several spellings: transliterations (Zelenskyy, Zelenskiy),
 * older Russian-based forms (Kiev, Kharkov) and the Ukrainian and Russian originals. Each row is
 * one name: its index term first (the usual English spelling), then every other spelling. A
 * Cyrillic spelling covers its case forms too (Києві, Зеленського); list an oblique form when
 * the nominative's stem is short or irregular (Київ/Києва, Росія/Росії), and mark with `=` a form
 * that stands only for itself because its stem is another name's (Миколаїв's is Микола's).
 * Chosen from the names that occur in the corpus; add a row when another name is written two ways.
 */
export const NAME_ROWS: readonly (readonly string[])[] = [
  ['zelensky', 'zelenskyy', 'zelenskiy', 'zelenskyi', 'zelenskii', 'zelenskij', 'зеленський', 'зеленский'],
  ['kyiv', 'kiev', 'kyyiv', 'kiyv', 'київ', 'києва', 'києві', 'киев'],
  ['kharkiv', 'kharkov', 'харків', 'харкова', 'харьков', 'харькова'],
  ['podolyak', 'podoliak', 'подоляк'],
  ['odesa', 'odessa', 'одеса', 'одесса'],
  ['lviv', 'lvov', 'lwow', 'львів', 'львова', 'львові', 'львов'],
  ['mykolaiv', 'mykolayiv', 'nikolaev', 'nikolayev', '=миколаїв', 'миколаєва', '=миколаєві', '=николаев', 'николаева'],
  ['zaporizhzhia', 'zaporizhia', 'zaporizhzhya', 'zaporizhzhe', 'zaporozhye', 'zaporozhie', 'запоріжжя', 'запорожье'],
  ['luhansk', 'lugansk', 'луганськ', 'луганск'],
  ['donetsk', 'donetsk', 'донецьк', 'донецк'],
  ['kherson', 'херсон'],
  ['mariupol', 'маріуполь', 'мариуполь'],
  ['bakhmut', 'artemivsk', 'artyomovsk', 'artemovsk', 'бахмут'],
  ['chernihiv', 'chernigov', 'чернігів', 'чернігова', 'чернигов', 'чернигова'],
  ['dnipro', 'dnepr', 'dnipropetrovsk', 'dnepropetrovsk', 'дніпро', 'днепр'],
  ['vinnytsia', 'vinnytsya', 'vinnitsa', 'vinnitsia', 'вінниця', 'винница'],
  ['izium', 'izyum', 'ізюм', 'изюм'],
  ['bucha', 'буча'],
  ['irpin', 'irpen', 'ірпінь', 'ирпень'],
  ['melitopol', 'мелітополь', 'мелитополь'],
  ['kramatorsk', 'краматорськ', 'краматорск'],
  ['crimea', 'krym', 'крим', 'крым'],
  ['ukraine', 'україна', 'україни', 'украина'],
  ['russia', 'росія', 'росії', 'росію', 'росією', 'россия'],
  ['putin', 'путін', 'путин'],
  ['lavrov', 'лавров'],
  ['kuleba', 'кулеба'],
  ['yermak', 'ermak', 'єрмак', 'ермак'],
  ['shmyhal', 'shmygal', 'шмигаль', 'шмыгаль'],
  ['zaluzhny', 'zaluzhnyi', 'zaluzhniy', 'zaluzhnyy', 'залужний', 'залужный'],
  ['navalny', 'navalnyi', 'navalniy', 'навальний', 'навальный'],
  ['blinken', 'блінкен', 'блинкен'],
  ['biden', 'байден'],
  ['stoltenberg', 'столтенберг'],
  ['macron', 'макрон'],
  ['scholz', 'шольц'],
];
