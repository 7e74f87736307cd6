package dev.hindsight.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Jackson's YAML factory, with parsers that type the commonest plain scalars of an incident file
 * without SnakeYAML's resolver. The resolver tries up to three regular expressions on every
 * scalar that starts with a digit (integer, float, timestamp); timestamps and metric values are
 * most of an incident's scalars, and the expressions were over a quarter of all YAML parsing.
 *
 * <p>The shortcut only answers where the answer cannot differ: a plain scalar that starts with a
 * digit and holds a {@code T}, {@code t} or space is never an integer or a float under YAML 1.1's
 * patterns, so it is a timestamp or text, both of which Jackson reports as a string; a plain
 * {@code 123} or {@code -12.5} (no underscores, no leading zeros, no exponent) is an integer or a
 * float. Everything else goes to Jackson as before. YamlScalarShortcutTest compares both parsers.
 */
final class QuickScalarYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, new CharArrayReader(data, offset, len));
  }

  /** What the shortcut makes of a plain scalar: a string, an integer, a float, or null (ask Jackson). */
  static JsonToken quickType(String value) {
    int n = value.length();
    if (n == 0 || n > 40) return null;
    char first = value.charAt(0);
    if (first >= '0' && first <= '9') {
      for (int k = 1; k < n; k++) {
        char c = value.charAt(k);
        if (c == 'T' || c == 't' || c == ' ') return JsonToken.VALUE_STRING;
      }
    }
    int k = first == '-' ? 1 : 0;
    if (k == n) return null;
    int digits = 0;
    while (k < n && value.charAt(k) >= '0' && value.charAt(k) <= '9') {
      k++;
      digits++;
    }
    if (digits == 0 || digits > 15 || digits > 1 && value.charAt(first == '-' ? 1 : 0) == '0') return null;
    if (k == n) return JsonToken.VALUE_NUMBER_INT;
    if (value.charAt(k) != '.') return null;
    k++;
    int decimals = 0;
    while (k < n && value.charAt(k) >= '0' && value.charAt(k) <= '9') {
      k++;
      decimals++;
    }
    return k == n && decimals > 0 ? JsonToken.VALUE_NUMBER_FLOAT : null;
  }

  private static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
      String tag = scalar.getTag();
      if ((tag == null || tag.equals("!")) && scalar.getImplicit().canOmitTagInPlainScalar()) {
        String value = scalar.getValue();
        JsonToken quick = quickType(value);
        if (quick == JsonToken.VALUE_STRING) {
          _textValue = value;
          _cleanedTextValue = null;
          return quick;
        }
        if (quick == JsonToken.VALUE_NUMBER_INT) {
          _textValue = value;
          _cleanedTextValue = null;
          return _decodeNumberScalar(value, value.length());
        }
        if (quick == JsonToken.VALUE_NUMBER_FLOAT) {
          _textValue = value;
          _cleanedTextValue = value;
          _numTypesValid = 0;
          return quick;
        }
      }
      return super._decodeScalar(scalar);
    }
  }
}
