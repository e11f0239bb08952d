import Testing
import ThemeLoader

/// The tables of documents `TOMLParserTests` runs: the valid ones with the nodes TOMLKit (the parser used
/// before this one) gave for them, and invalid ones with where the error is.
extension TOMLParserTests {
    /// A valid document and the nodes it parses to.
    struct ValidCase: Sendable, CustomTestStringConvertible {
        /// What the document shows.
        let name: String
        /// The TOML text.
        let text: String
        /// Its top-level table.
        let expected: [String: TOMLNode]
        /// The name, for the test report.
        var testDescription: String { name }
    }

    /// An invalid document, the 1-based line and column of its error, and words the message must contain.
    struct InvalidCase: Sendable, CustomTestStringConvertible {
        /// What the document shows.
        let name: String
        /// The TOML text.
        let text: String
        /// The line of the error.
        let line: Int
        /// The column of the error.
        let column: Int
        /// Words of the message.
        let mentions: String
        /// The name, for the test report.
        var testDescription: String { name }
    }

    /// Valid documents, with the nodes TOMLKit gave for each.
    static let validCases: [ValidCase] = [
        ValidCase(
            name: "empty", text: "",
            expected: [:]),
        ValidCase(
            name: "comment only", text: "# just a comment\n\n   # indented\n",
            expected: [:]),
        ValidCase(
            name: "bare keys", text: "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\n",
            expected: ["1234": .integer(4), "bare-key": .integer(3), "bare_key": .integer(2), "key": .integer(1)]),
        ValidCase(
            name: "quoted keys", text: "\"127.0.0.1\" = \"v\"\n\"character encoding\" = \"v\"\n'key2' = \"v\"\n'quoted \"value\"' = \"v\"\n\"\" = \"blank\"\n",
            expected: ["": .string("blank"), "127.0.0.1": .string("v"), "character encoding": .string("v"), "key2": .string("v"), "quoted \"value\"": .string("v")]),
        ValidCase(
            name: "dotted keys", text: "name = \"Orange\"\nphysical.color = \"orange\"\nphysical.shape = \"round\"\nsite.\"google.com\" = true\n",
            expected: ["name": .string("Orange"), "physical": .table(["color": .string("orange"), "shape": .string("round")]), "site": .table(["google.com": .boolean(true)])]),
        ValidCase(
            name: "dotted spaces", text: "fruit . flavor = \"banana\"\nfruit.name=\"x\"\n",
            expected: ["fruit": .table(["flavor": .string("banana"), "name": .string("x")])]),
        ValidCase(
            name: "dotted then subtable", text: "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
            expected: ["fruit": .table(["apple": .table(["color": .string("red"), "taste": .table(["sweet": .boolean(true)]), "texture": .table(["smooth": .boolean(true)])])])]),
        ValidCase(
            name: "basic string escapes", text: "str = \"I'm a string. \\\"You can quote me\\\". Name\\tJos\\u00E9\\nLocation\\tSF.\"\nb = \"\\b\\f\\r\\\\\"\nu = \"\\U0001F600\"\n",
            expected: ["b": .string("\u{08}\u{0C}\r\\"), "str": .string("I\'m a string. \"You can quote me\". Name\tJosé\nLocation\tSF."), "u": .string("😀")]),
        ValidCase(
            name: "ml basic", text: "str1 = \"\"\"\nRoses are red\nViolets are blue\"\"\"\n",
            expected: ["str1": .string("Roses are red\nViolets are blue")]),
        ValidCase(
            name: "ml basic backslash", text: "str3 = \"\"\"\\\n       The quick brown \\\n       fox jumps over \\\n       the lazy dog.\\\n       \"\"\"\n",
            expected: ["str3": .string("The quick brown fox jumps over the lazy dog.")]),
        ValidCase(
            name: "ml basic quotes", text: "str4 = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"\nstr5 = \"\"\"Here are three quotation marks: \"\"\\\".\"\"\"\nstr7 = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"\n",
            expected: ["str4": .string("Here are two quotation marks: \"\". Simple enough."), "str5": .string("Here are three quotation marks: \"\"\"."), "str7": .string("\"This,\" she said, \"is just a pointless statement.\"")]),
        ValidCase(
            name: "literal strings", text: "winpath  = 'C:\\Users\\nodejs\\templates'\nquoted   = 'Tom \"Dubs\" Preston-Werner'\nregex    = '<\\i\\c*\\s*>'\n",
            expected: ["quoted": .string("Tom \"Dubs\" Preston-Werner"), "regex": .string("<\\i\\c*\\s*>"), "winpath": .string("C:\\Users\\nodejs\\templates")]),
        ValidCase(
            name: "ml literal", text: "regex2 = '''I [dw]on't need \\d{2} apples'''\nlines  = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\nquot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\napos15 = \"Here are fifteen apostrophes: '''''''''''''''\"\nstr = ''''That,' she said, 'is still pointless.''''\n",
            expected: ["apos15": .string("Here are fifteen apostrophes: \'\'\'\'\'\'\'\'\'\'\'\'\'\'\'"), "lines": .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"), "quot15": .string("Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\""), "regex2": .string("I [dw]on\'t need \\d{2} apples"), "str": .string("\'That,\' she said, \'is still pointless.\'")]),
        ValidCase(
            name: "crlf", text: "a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n# c\r\n",
            expected: ["a": .integer(1), "b": .string("x\ny")]),
        ValidCase(
            name: "tab in strings", text: "a = \"x\ty\"\nb = 'x\ty'\n",
            expected: ["a": .string("x\ty"), "b": .string("x\ty")]),
        ValidCase(
            name: "integers", text: "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nint6 = 5_349_221\nint7 = 53_49_221\nint8 = 1_2_3_4_5\nz1 = +0\nz2 = -0\n",
            expected: ["int1": .integer(99), "int2": .integer(42), "int3": .integer(0), "int4": .integer(-17), "int5": .integer(1000), "int6": .integer(5349221), "int7": .integer(5349221), "int8": .integer(12345), "z1": .integer(0), "z2": .integer(0)]),
        ValidCase(
            name: "int prefixes", text: "hex1 = 0xDEADBEEF\nhex2 = 0xdeadbeef\nhex3 = 0xdead_beef\noct1 = 0o01234567\noct2 = 0o755\nbin1 = 0b11010110\nhex0 = 0x00FF\n",
            expected: ["bin1": .integer(214), "hex0": .integer(255), "hex1": .integer(3735928559), "hex2": .integer(3735928559), "hex3": .integer(3735928559), "oct1": .integer(342391), "oct2": .integer(493)]),
        ValidCase(
            name: "int limits", text: "max = 9223372036854775807\nmin = -9223372036854775808\nhexmax = 0x7FFFFFFFFFFFFFFF\n",
            expected: ["hexmax": .integer(9223372036854775807), "max": .integer(9223372036854775807), "min": .integer(-9223372036854775808)]),
        ValidCase(
            name: "floats", text: "flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nflt9 = -0.0\nflt10 = +0.0\nflt11 = 1e1_0\n",
            expected: ["flt1": .float(1.0), "flt10": .float(0.0), "flt11": .float(10000000000.0), "flt2": .float(3.1415), "flt3": .float(-0.01), "flt4": .float(5e+22), "flt5": .float(1000000.0), "flt6": .float(-0.02), "flt7": .float(6.626e-34), "flt8": .float(224617.445991228), "flt9": .float(-0.0)]),
        ValidCase(
            name: "float special", text: "sf1 = inf\nsf2 = +inf\nsf3 = -inf\n",
            expected: ["sf1": .float(.infinity), "sf2": .float(.infinity), "sf3": .float(-.infinity)]),
        ValidCase(
            name: "booleans", text: "bool1 = true\nbool2 = false\n",
            expected: ["bool1": .boolean(true), "bool2": .boolean(false)]),
        ValidCase(
            name: "dates", text: "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nlower = 1979-05-27t07:32:00z\nleap = 2000-02-29\n",
            expected: ["ld1": .other("date"), "ldt1": .other("date-time"), "ldt2": .other("date-time"), "leap": .other("date"), "lower": .other("date-time"), "lt1": .other("time"), "lt2": .other("time"), "odt1": .other("date-time"), "odt2": .other("date-time"), "odt3": .other("date-time"), "odt4": .other("date-time")]),
        ValidCase(
            name: "dates in array", text: "a = [1979-05-27, 07:32:00, 1979-05-27 07:32:00]\n",
            expected: ["a": .array([.other("date"), .other("time"), .other("date-time")])]),
        ValidCase(
            name: "arrays", text: "integers = [ 1, 2, 3 ]\ncolors = [ \"red\", \"yellow\", \"green\" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], [\"a\", \"b\", \"c\"] ]\nstring_array = [ \"all\", 'strings', \"\"\"are the same\"\"\", '''type''' ]\nnumbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  \"Foo Bar <foo@example.com>\",\n  { name = \"Baz Qux\", email = \"bazqux@example.com\", url = \"https://example.com/bazqux\" }\n]\nempty = []\nempty2 = [ ]\n",
            expected: ["colors": .array([.string("red"), .string("yellow"), .string("green")]), "contributors": .array([.string("Foo Bar <foo@example.com>"), .table(["email": .string("bazqux@example.com"), "name": .string("Baz Qux"), "url": .string("https://example.com/bazqux")])]), "empty": .array([]), "empty2": .array([]), "integers": .array([.integer(1), .integer(2), .integer(3)]), "nested_arrays_of_ints": .array([.array([.integer(1), .integer(2)]), .array([.integer(3), .integer(4), .integer(5)])]), "nested_mixed_array": .array([.array([.integer(1), .integer(2)]), .array([.string("a"), .string("b"), .string("c")])]), "numbers": .array([.float(0.1), .float(0.2), .float(0.5), .integer(1), .integer(2), .integer(5)]), "string_array": .array([.string("all"), .string("strings"), .string("are the same"), .string("type")])]),
        ValidCase(
            name: "array multiline", text: "integers2 = [\n  1, 2, 3\n]\nintegers3 = [\n  1,\n  2, # this is ok\n]\nc = [ # comment\n  # another\n  \"a\" # after\n  , \"b\",\n\n]\n",
            expected: ["c": .array([.string("a"), .string("b")]), "integers2": .array([.integer(1), .integer(2), .integer(3)]), "integers3": .array([.integer(1), .integer(2)])]),
        ValidCase(
            name: "inline tables", text: "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }\nempty = {}\nempty2 = { }\nnested = { a = { b = { c = 1 } }, d = [1, {e = 2}] }\n",
            expected: ["animal": .table(["type": .table(["name": .string("pug")])]), "empty": .table([:]), "empty2": .table([:]), "name": .table(["first": .string("Tom"), "last": .string("Preston-Werner")]), "nested": .table(["a": .table(["b": .table(["c": .integer(1)])]), "d": .array([.integer(1), .table(["e": .integer(2)])])]), "point": .table(["x": .integer(1), "y": .integer(2)])]),
        ValidCase(
            name: "inline multiline array", text: "a = { b = [\n 1,\n 2\n] }\n",
            expected: ["a": .table(["b": .array([.integer(1), .integer(2)])])]),
        ValidCase(
            name: "tables", text: "[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\nkey1 = \"another string\"\nkey2 = 456\n",
            expected: ["table-1": .table(["key1": .string("some string"), "key2": .integer(123)]), "table-2": .table(["key1": .string("another string"), "key2": .integer(456)])]),
        ValidCase(
            name: "table nested headers", text: "[dog.\"tater.man\"]\ntype.name = \"pug\"\n[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]\n",
            expected: ["a": .table(["b": .table(["c": .table([:])])]), "d": .table(["e": .table(["f": .table([:])])]), "dog": .table(["tater.man": .table(["type": .table(["name": .string("pug")])])]), "g": .table(["h": .table(["i": .table([:])])]), "j": .table(["ʞ": .table(["l": .table([:])])])]),
        ValidCase(
            name: "table implicit then explicit", text: "[x.y.z.w]\n[x]\n",
            expected: ["x": .table(["y": .table(["z": .table(["w": .table([:])])])])]),
        ValidCase(
            name: "table any order", text: "[fruit.apple]\n[animal]\n[fruit.orange]\n",
            expected: ["animal": .table([:]), "fruit": .table(["apple": .table([:]), "orange": .table([:])])]),
        ValidCase(
            name: "root then table", text: "name = \"Fido\"\nbreed = \"pug\"\n[owner]\nname = \"Regina Dogman\"\nmember_since = 1999-08-04\n",
            expected: ["breed": .string("pug"), "name": .string("Fido"), "owner": .table(["member_since": .other("date"), "name": .string("Regina Dogman")])]),
        ValidCase(
            name: "dotted define subtables", text: "fruit.apple.color = \"red\"\nfruit.apple.taste.sweet = true\n",
            expected: ["fruit": .table(["apple": .table(["color": .string("red"), "taste": .table(["sweet": .boolean(true)])])])]),
        ValidCase(
            name: "array of tables", text: "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\ncolor = \"gray\"\n",
            expected: ["products": .array([.table(["name": .string("Hammer"), "sku": .integer(738594937)]), .table([:]), .table(["color": .string("gray"), "name": .string("Nail"), "sku": .integer(284758393)])])]),
        ValidCase(
            name: "array of tables nested", text: "[[fruits]]\nname = \"apple\"\n\n[fruits.physical]  # subtable\ncolor = \"red\"\nshape = \"round\"\n\n[[fruits.varieties]]  # nested array of tables\nname = \"red delicious\"\n\n[[fruits.varieties]]\nname = \"granny smith\"\n\n[[fruits]]\nname = \"banana\"\n\n[[fruits.varieties]]\nname = \"plantain\"\n",
            expected: ["fruits": .array([.table(["name": .string("apple"), "physical": .table(["color": .string("red"), "shape": .string("round")]), "varieties": .array([.table(["name": .string("red delicious")]), .table(["name": .string("granny smith")])])]), .table(["name": .string("banana"), "varieties": .array([.table(["name": .string("plantain")])])])])]),
        ValidCase(
            name: "implicit then dotted", text: "[a.b.c]\nx = 1\n[a]\nb.d = 2\n",
            expected: ["a": .table(["b": .table(["c": .table(["x": .integer(1)]), "d": .integer(2)])])]),
        ValidCase(
            name: "unicode", text: "title = \"ÿ€ 日本\"\n\"ʎǝʞ\" = '値'\nesc = \"\\u00e9\\u65E5\"\n# コメント\n",
            expected: ["esc": .string("é日"), "title": .string("ÿ€ 日本"), "ʎǝʞ": .string("値")]),
        ValidCase(
            name: "bom", text: "\u{FEFF}a = 1\n",
            expected: ["a": .integer(1)]),
        ValidCase(
            name: "whitespace", text: "  \t a\t=\t1 \t# trailing\n\t[ t ]\t\n",
            expected: ["a": .integer(1), "t": .table([:])]),
        ValidCase(
            name: "no final newline", text: "a = 1",
            expected: ["a": .integer(1)]),
        ValidCase(
            name: "key like values", text: "true = true\nfalse = false\ninf = inf\nnan_key = 1\n\"=\" = \"=\"\n",
            expected: ["=": .string("="), "false": .boolean(false), "inf": .float(.infinity), "nan_key": .integer(1), "true": .boolean(true)]),
        ValidCase(
            name: "theme like", text: "[palette]\naccent = \"#5fafff\"\n\n[styles]\n\"title\" = { fg = \"accent\", bg = \"default\", attrs = [\"bold\"] }\n\"status.running\" = { fg = 4, attrs = [] }\n",
            expected: ["palette": .table(["accent": .string("#5fafff")]), "styles": .table(["status.running": .table(["attrs": .array([]), "fg": .integer(4)]), "title": .table(["attrs": .array([.string("bold")]), "bg": .string("default"), "fg": .string("accent")])])]),
        ValidCase(
            name: "config like", text: "theme = \"light\"\ninterval = 2.5\nbase_url = \"https://api.cloud.llamaindex.ai\"\nread_only = true\nmouse = false\n",
            expected: ["base_url": .string("https://api.cloud.llamaindex.ai"), "interval": .float(2.5), "mouse": .boolean(false), "read_only": .boolean(true), "theme": .string("light")]),
        ValidCase(
            name: "mixed array", text: "a = [1, \"two\", 3.0, true, [4], {five = 5}, 1979-05-27]\n",
            expected: ["a": .array([.integer(1), .string("two"), .float(3.0), .boolean(true), .array([.integer(4)]), .table(["five": .integer(5)]), .other("date")])]),
        ValidCase(
            name: "comment after header", text: "[a] # comment\n[[b]] # comment\n",
            expected: ["a": .table([:]), "b": .array([.table([:])])]),
        ValidCase(
            // TOMLKit gave "" for "\u0000" (toml++'s text went through a C string); TOML says U+0000.
            name: "del in string escape", text: "a = \"\\u007F\"\nb = \"\\u0000\"\n",
            expected: ["a": .string("\u{7F}"), "b": .string("\0")]),
        ValidCase(
            name: "ml basic empty", text: "a = \"\"\"\"\"\"\nb = ''''''\nc = \"\"\"\n\"\"\"\n",
            expected: ["a": .string(""), "b": .string(""), "c": .string("")]),
        ValidCase(
            name: "ml string crlf backslash", text: "a = \"\"\"a \\\r\n   b\"\"\"\n",
            expected: ["a": .string("a b")]),
        ValidCase(
            name: "exp forms", text: "a = 1e+0\nb = 0e0\nc = 0.0e-0_0\nd = -1E1\n",
            expected: ["a": .float(1.0), "b": .float(0.0), "c": .float(0.0), "d": .float(-10.0)]),
        ValidCase(
            // TOMLKit refused a leap second; TOML dates are RFC 3339, which allows second 60.
            name: "sec60", text: "a = 1990-12-31T23:59:60Z\n",
            expected: ["a": .other("date-time")]),
    ]

    /// Invalid documents. TOMLKit refused each of them too, except the two nested deeper than `TOMLDocument`'s
    /// limit of 128 and "nul bare" (TOMLKit read the text as a C string, which ends at the NUL).
    static let invalidCases: [InvalidCase] = [
        InvalidCase(name: "bad escape", text: "a = \"\\q\"\n", line: 1, column: 6, mentions: "invalid escape '\\q' (valid: \\b"),
        InvalidCase(name: "bad escape x", text: "a = \"\\x41\"\n", line: 1, column: 6, mentions: "invalid escape '\\x' (valid: \\b"),
        InvalidCase(name: "bad unicode short", text: "a = \"\\u12\"\n", line: 1, column: 6, mentions: "\\u needs 4 hex digits"),
        InvalidCase(name: "bad unicode surrogate", text: "a = \"\\uD800\"\n", line: 1, column: 6, mentions: "\\u escape D800 is not"),
        InvalidCase(name: "bad unicode big", text: "a = \"\\U00110000\"\n", line: 1, column: 6, mentions: "\\U escape 110000 is not"),
        InvalidCase(name: "unterminated string", text: "a = \"abc\nb = 1\n", line: 1, column: 9, mentions: "unterminated string: a line end"),
        InvalidCase(name: "unterminated string eof", text: "a = \"abc", line: 1, column: 5, mentions: "unterminated string (it starts here)"),
        InvalidCase(name: "unterminated literal", text: "a = 'abc\n", line: 1, column: 9, mentions: "unterminated string: a line end"),
        InvalidCase(name: "unterminated ml", text: "a = \"\"\"abc\n\n", line: 1, column: 5, mentions: "unterminated multi-line string (it starts"),
        InvalidCase(name: "unterminated ml literal", text: "a = '''abc\n", line: 1, column: 5, mentions: "unterminated multi-line string (it starts"),
        InvalidCase(name: "ml six quotes", text: "a = \"\"\"x\"\"\"\"\"\"\n", line: 1, column: 14, mentions: "too many quotes at the"),
        InvalidCase(name: "no value", text: "a = \n", line: 1, column: 5, mentions: "expected a value, found a"),
        InvalidCase(name: "no equals", text: "a 1\n", line: 1, column: 3, mentions: "expected '=' after the key"),
        InvalidCase(name: "no key", text: "= 1\n", line: 1, column: 1, mentions: "expected a key (letters, digits,"),
        InvalidCase(name: "bare word", text: "a = hello\n", line: 1, column: 5, mentions: "'hello' is not a value"),
        InvalidCase(name: "two values", text: "a = 1 2\n", line: 1, column: 7, mentions: "expected the end of the"),
        InvalidCase(name: "two pairs one line", text: "a = 1 b = 2\n", line: 1, column: 7, mentions: "expected the end of the"),
        InvalidCase(name: "dup key", text: "a = 1\na = 2\n", line: 2, column: 1, mentions: "the key 'a' is defined"),
        InvalidCase(name: "dup key quoted", text: "a = 1\n\"a\" = 2\n", line: 2, column: 1, mentions: "the key 'a' is defined"),
        InvalidCase(name: "dup table", text: "[a]\n[a]\n", line: 2, column: 1, mentions: "the table [a] is defined"),
        InvalidCase(name: "dup table after dotted", text: "[fruit]\napple.color = \"red\"\n[fruit.apple]\n", line: 3, column: 1, mentions: "the table [fruit.apple] was already"),
        InvalidCase(name: "dotted over value", text: "a = 1\na.b = 2\n", line: 2, column: 1, mentions: "'a' already has a value"),
        InvalidCase(name: "dotted into header table", text: "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", line: 4, column: 1, mentions: "the dotted key 'a.b.c.t' adds"),
        InvalidCase(name: "dotted in later section", text: "[a]\nb.c = 1\n[x]\n[a]\n", line: 4, column: 1, mentions: "the table [a] is defined"),
        InvalidCase(name: "dotted other section", text: "a.b = 1\n[c]\n[a]\n", line: 3, column: 1, mentions: "the table [a] was already"),
        InvalidCase(name: "table over value", text: "a = 1\n[a]\n", line: 2, column: 1, mentions: "'a' already has a value;"),
        InvalidCase(name: "table over inline", text: "a = {b = 1}\n[a]\n", line: 2, column: 1, mentions: "'a' already has a value;"),
        InvalidCase(name: "extend inline", text: "a = {b = 1}\n[a.c]\n", line: 2, column: 1, mentions: "'a' already has a value"),
        InvalidCase(name: "extend inline dotted", text: "a = {b = 1}\na.c = 2\n", line: 2, column: 1, mentions: "'a' already has a value"),
        InvalidCase(name: "array table over table", text: "[a]\n[[a]]\n", line: 2, column: 1, mentions: "[[a]] names a table that"),
        InvalidCase(name: "table over array table", text: "[[a]]\n[a]\n", line: 2, column: 1, mentions: "[a] is an array of"),
        InvalidCase(name: "array table over static", text: "a = []\n[[a]]\n", line: 2, column: 1, mentions: "'a' already has a value;"),
        InvalidCase(name: "array table over static2", text: "a = [{b = 1}]\n[[a]]\n", line: 2, column: 1, mentions: "'a' already has a value;"),
        InvalidCase(name: "header unclosed", text: "[a\nb = 1\n", line: 1, column: 3, mentions: "expected ']' to close the"),
        InvalidCase(name: "header empty", text: "[]\n", line: 1, column: 2, mentions: "expected a key (letters, digits,"),
        InvalidCase(name: "header array unclosed", text: "[[a]\n", line: 1, column: 4, mentions: "expected ']]' to close the"),
        InvalidCase(name: "header trailing", text: "[a] b = 1\n", line: 1, column: 5, mentions: "expected the end of the"),
        InvalidCase(name: "header space brackets", text: "[ [a]]\n", line: 1, column: 3, mentions: "expected a key (letters, digits,"),
        InvalidCase(name: "int leading zero", text: "a = 01\n", line: 1, column: 5, mentions: "'01' has a leading zero"),
        InvalidCase(name: "int underscore start", text: "a = _1\n", line: 1, column: 5, mentions: "'_1' is not a value"),
        InvalidCase(name: "int underscore end", text: "a = 1_\n", line: 1, column: 5, mentions: "'1_' is not a valid"),
        InvalidCase(name: "int double underscore", text: "a = 1__2\n", line: 1, column: 5, mentions: "'1__2' is not a valid"),
        InvalidCase(name: "int overflow", text: "a = 9223372036854775808\n", line: 1, column: 5, mentions: "the integer '9223372036854775808' is out"),
        InvalidCase(name: "int underflow", text: "a = -9223372036854775809\n", line: 1, column: 5, mentions: "the integer '-9223372036854775809' is out"),
        InvalidCase(name: "hex overflow", text: "a = 0x8000000000000000\n", line: 1, column: 5, mentions: "the integer '0x8000000000000000' is out"),
        InvalidCase(name: "hex sign", text: "a = +0xFF\n", line: 1, column: 5, mentions: "'+0xFF': a hex, octal or"),
        InvalidCase(name: "hex upper prefix", text: "a = 0XFF\n", line: 1, column: 5, mentions: "'0XFF': the prefix is written"),
        InvalidCase(name: "hex bad digit", text: "a = 0xG\n", line: 1, column: 5, mentions: "'0xG' is not a valid"),
        InvalidCase(name: "oct bad digit", text: "a = 0o8\n", line: 1, column: 5, mentions: "'0o8' is not a valid"),
        InvalidCase(name: "bin bad digit", text: "a = 0b2\n", line: 1, column: 5, mentions: "'0b2' is not a valid"),
        InvalidCase(name: "float no int", text: "a = .5\n", line: 1, column: 5, mentions: "'.5' is not a value"),
        InvalidCase(name: "float no frac", text: "a = 1.\n", line: 1, column: 5, mentions: "'1.' is not a valid"),
        InvalidCase(name: "float leading zero", text: "a = 03.14\n", line: 1, column: 5, mentions: "'03.14' has a leading zero"),
        InvalidCase(name: "float double dot", text: "a = 1.2.3\n", line: 1, column: 5, mentions: "'1.2.3' is not a valid"),
        InvalidCase(name: "float exp empty", text: "a = 1e\n", line: 1, column: 5, mentions: "'1e' is not a valid"),
        InvalidCase(name: "float underscore point", text: "a = 1_.5\n", line: 1, column: 5, mentions: "'1_.5' is not a valid"),
        InvalidCase(name: "float overflow", text: "a = 1e400\n", line: 1, column: 5, mentions: "the number '1e400' is out"),
        InvalidCase(name: "inf upper", text: "a = Inf\n", line: 1, column: 5, mentions: "'Inf' is not a value"),
        InvalidCase(name: "nan upper", text: "a = NaN\n", line: 1, column: 5, mentions: "'NaN' is not a value"),
        InvalidCase(name: "bool upper", text: "a = True\n", line: 1, column: 5, mentions: "'True' is not a value"),
        InvalidCase(name: "bad date month", text: "a = 1979-13-27\n", line: 1, column: 5, mentions: "'1979-13-27' is not a valid"),
        InvalidCase(name: "bad date day", text: "a = 1979-02-30\n", line: 1, column: 5, mentions: "'1979-02-30' is not a valid"),
        InvalidCase(name: "bad leap", text: "a = 1900-02-29\n", line: 1, column: 5, mentions: "'1900-02-29' is not a valid"),
        InvalidCase(name: "bad time hour", text: "a = 24:00:00\n", line: 1, column: 5, mentions: "'24:00:00' is not a valid"),
        InvalidCase(name: "time no seconds", text: "a = 07:32\n", line: 1, column: 5, mentions: "'07:32' is not a valid"),
        InvalidCase(name: "array unclosed", text: "a = [1, 2\n", line: 1, column: 5, mentions: "unterminated array (it starts here)"),
        InvalidCase(name: "array no comma", text: "a = [1 2]\n", line: 1, column: 8, mentions: "expected ',' or ']' in"),
        InvalidCase(name: "array empty item", text: "a = [1,,2]\n", line: 1, column: 8, mentions: "expected a value, found ','"),
        InvalidCase(name: "array only comma", text: "a = [,]\n", line: 1, column: 6, mentions: "expected a value, found ','"),
        InvalidCase(name: "inline newline", text: "a = {b = 1,\nc = 2}\n", line: 1, column: 12, mentions: "a line end inside an"),
        InvalidCase(name: "inline trailing comma", text: "a = {b = 1,}\n", line: 1, column: 12, mentions: "a trailing comma before '}'"),
        InvalidCase(name: "inline dup", text: "a = {b = 1, b = 2}\n", line: 1, column: 13, mentions: "the key 'b' is defined"),
        InvalidCase(name: "inline dotted conflict", text: "a = {b.c = 1, b = 2}\n", line: 1, column: 15, mentions: "the key 'b' is defined"),
        InvalidCase(name: "inline unclosed", text: "a = {b = 1\n", line: 1, column: 11, mentions: "a line end inside an"),
        InvalidCase(name: "inline no equals", text: "a = {b}\n", line: 1, column: 7, mentions: "expected '=' after the key"),
        InvalidCase(name: "control in string", text: "a = \"x\u{1}y\"\n", line: 1, column: 7, mentions: "the control character U+0001 in"),
        InvalidCase(name: "nul in string", text: "a = \"x\0y\"\n", line: 1, column: 7, mentions: "the control character U+0000 in"),
        InvalidCase(name: "nul bare", text: "a = 1\n\0\n", line: 2, column: 1, mentions: "the control character U+0000 outside"),
        InvalidCase(name: "control in comment", text: "# x\u{7}y\na = 1\n", line: 1, column: 4, mentions: "the control character U+0007 in"),
        InvalidCase(name: "del in literal", text: "a = 'x\u{7F}y'\n", line: 1, column: 7, mentions: "the control character U+007F in"),
        InvalidCase(name: "lone cr", text: "a = 1\rb = 2\n", line: 1, column: 6, mentions: "expected the end of the"),
        InvalidCase(name: "json", text: "{\n  \"title\": \"red\"\n}\n", line: 1, column: 1, mentions: "expected a key (letters, digits,"),
        InvalidCase(name: "not toml", text: "[styles]\n\"title\" = { fg = \"red\" }\nthis is not toml\n", line: 3, column: 6, mentions: "expected '=' after the key"),
        InvalidCase(name: "multiline key", text: "\"\"\"a\"\"\" = 1\n", line: 1, column: 1, mentions: "a key cannot be a"),
        InvalidCase(name: "key newline", text: "a\n= 1\n", line: 1, column: 2, mentions: "expected '=' after the key"),
        InvalidCase(name: "value newline", text: "a =\n1\n", line: 1, column: 4, mentions: "expected a value, found a"),
        InvalidCase(name: "deep array", text: "a = " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n", line: 1, column: 133, mentions: "nested too deeply"),
        InvalidCase(name: "deep inline", text: "a = " + String(repeating: "{b=", count: 200) + "1" + String(repeating: "}", count: 200) + "\n", line: 1, column: 389, mentions: "nested too deeply"),
    ]
}
