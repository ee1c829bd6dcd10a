package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlToTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<p>One</p><p>Two</p>                       | One\\n\\nTwo",
        "<div><div><p>Nested</p></div></div>end     | Nested\\n\\nend",
        "a<br>b<BR/>c                               | a\\nb\\nc",
        "<div>x</div><div>y</div>                   | x\\ny",
        "&lt;tag&gt; &amp; &quot;q&quot; &#1046; &#x416; &euro; | <tag> & \"q\" Ж Ж €",
        "<style>.a{}</style><script>x()</script>Hi  | Hi",
        "<ul><li>one<li>two</ul>                    | - one\\n- two",
        "<ol><li>one<li>two</ol>                    | 1. one\\n2. two",
        "<ol start=4><li>four</li> <li>five</ol>    | 4. four\\n5. five",
        "&unknown; &#0; &auml;&hellip;&rarr;&nbsp;x | &unknown; \uFFFD ä…→ x",
        "<div>x</div><br>y                          | x\\n\\ny",
        "x<br><div>y</div>                          | x\\n\\ny",
        "x<br><br><br><br>y                         | x\\n\\ny",
        "<p> x </p> <div> </div> <p> y </p>         | x\\n\\ny",
        "  lead  <b>in</b>  &nbsp; trail  <br>      | lead in trail",
        "so&shy;ft zero&#8203;width &#xFEFF;bom     | soft zerowidth bom",
        "Yes.<blockquote>Is it on?<br>Really?</blockquote>Bye | Yes.\\n\\n> Is it on?\\n> Really?\\n\\nBye",
        "<blockquote><p>one</p><p>two</p></blockquote> | > one\\n>\\n> two",
        "A<blockquote>B<blockquote>C</blockquote>D</blockquote>E | A\\n\\n> B\\n>\\n>> C\\n>\\n> D\\n\\nE",
        "'<div>Ok</div><div class=gmail_quote><div>On Mon, Ann wrote:<br></div><blockquote class=gmail_quote>Help<br></blockquote></div>' | 'Ok\\nOn Mon, Ann wrote:\\n\\n> Help'",
    })
    void rendersReadableText(String html, String expected) {
        assertEquals(expected.replace("\\n", "\n"), HtmlToText.convert(html));
    }

    @Test
    void largeHtmlWithUnclosedElementsIsRead() {
        // 489 KB with unclosed elements took 58 s with the old regex converter (bench-ingest times it now).
        String html = "<html><body><div><p>word &amp; word<br>".repeat(22_000);
        String text = HtmlToText.convert(html);
        assertEquals("word & word", text.lines().findFirst().orElseThrow());
        assertEquals(true, text.length() > 200_000);
    }

    @Test
    void sourceLineBreaksAreOnlyBlanks() {
        assertEquals("Line breaks in source", HtmlToText.convert("Line\r\nbreaks   in\tsource"));
    }
}
