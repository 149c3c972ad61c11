using System.Globalization;
using System.Text;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Strict parser for the Python dict literal of a .npy header, e.g.
/// <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (10000, 10), }</c>.
/// It understands only what numpy writes there: string keys, string / True / False values,
/// tuples of non-negative integers and trailing commas. Anything else is an error, never a guess.
/// </summary>
internal sealed class NpyHeaderDictParser
{
    private readonly string _text;
    private readonly Func<string, Exception> _fail;
    private int _pos;

    private NpyHeaderDictParser(string text, Func<string, Exception> fail)
    {
        _text = text;
        _fail = fail;
    }

    /// <summary>Values are <see cref="string"/>, <see cref="bool"/> or <see cref="long"/>[] (tuples).</summary>
    public static IReadOnlyDictionary<string, object> Parse(string text, Func<string, Exception> fail)
    {
        var parser = new NpyHeaderDictParser(text, fail);
        var dict = parser.ParseDict();
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
            throw fail($"unexpected text after the header dict at offset {parser._pos}");
        return dict;
    }

    private Dictionary<string, object> ParseDict()
    {
        Expect('{');
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('}'))
                return result;

            var key = ParseString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            var value = ParseValue(key);
            if (!result.TryAdd(key, value))
                throw _fail($"header key '{key}' appears twice");

            SkipWhitespace();
            if (TryConsume(','))
                continue;
            SkipWhitespace();
            Expect('}');
            return result;
        }
    }

    private object ParseValue(string key)
    {
        var c = Peek();
        return c switch
        {
            '\'' or '"' => ParseString(),
            '(' => ParseIntTuple(),
            // A list descr is how numpy writes structured (record) dtypes.
            '[' when key == "descr" => throw _fail("structured dtypes (a list descr) are not supported; save a plain numeric array"),
            _ when char.IsLetter(c) => ParseBool(),
            _ => throw _fail($"unexpected character '{c}' in header at offset {_pos}"),
        };
    }

    private bool ParseBool()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsLetter(_text[_pos]))
            _pos++;
        return _text[start.._pos] switch
        {
            "True" => true,
            "False" => false,
            var word => throw _fail($"unexpected word '{word}' in header at offset {start}"),
        };
    }

    private long[] ParseIntTuple()
    {
        Expect('(');
        var values = new List<long>();
        while (true)
        {
            SkipWhitespace();
            if (TryConsume(')'))
                return values.ToArray();

            values.Add(ParseNonNegativeInt());
            SkipWhitespace();
            if (TryConsume(','))
                continue;
            SkipWhitespace();
            Expect(')');
            return values.ToArray();
        }
    }

    private long ParseNonNegativeInt()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        if (start == _pos)
            throw _fail($"expected a non-negative integer in the shape at offset {start}");
        var digits = _text[start.._pos];
        // Python 2 era files may write long integers as "10L".
        if (_pos < _text.Length && _text[_pos] == 'L')
            _pos++;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw _fail($"shape value '{digits}' is too large");
        return value;
    }

    private string ParseString()
    {
        var quote = Peek();
        if (quote is not ('\'' or '"'))
            throw _fail($"expected a quoted string in header at offset {_pos}");
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
                throw _fail("unterminated string in header");
            var c = _text[_pos++];
            if (c == quote)
                return sb.ToString();
            if (c == '\\')
            {
                if (_pos >= _text.Length)
                    throw _fail("unterminated string in header");
                sb.Append(_text[_pos++]);
                continue;
            }
            sb.Append(c);
        }
    }

    private char Peek()
    {
        if (_pos >= _text.Length)
            throw _fail("header dict ends too early");
        return _text[_pos];
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw _fail($"expected '{c}' in header at offset {_pos}, found '{_text[_pos]}'");
        _pos++;
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            _pos++;
    }
}
