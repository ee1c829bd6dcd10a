package org.postdesk.tickets.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|5|''",
            "'  4  '|4|''",
            "'5, thanks!'|5|thanks!",
            "5/5 very quick|5|very quick",
            "'3 of 5: slow but fine'|3|slow but fine",
            "'1\n\nNobody called back.'|1|Nobody called back.",
            "'good, thanks'|5|thanks",
            "Excellent!|5|''",
            "'bad - three days'|1|three days",
            "'Отлично, спасибо'|5|спасибо",
            "'погано'|1|''",
            "'2 stars'|2|''"})
    void aGradeOpeningTheAnswerIsARating(String text, int grade, String comment) {
        assertThat(RatingParser.parse(text, SurveyScale.FIVE)).contains(new Rating(grade, comment));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 minutes ago it broke again",
            "'Good morning, it is still broken'",
            "'6'",
            "'0'",
            "'12'",
            "Thanks a lot",
            "''",
            "'> 5'"})
    void textThatDoesNotOpenWithAGradeAloneIsNoRating(String text) {
        assertThat(RatingParser.parse(text, SurveyScale.FIVE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"good|2", "'bad, really'|1", "Добре|2", "плохо|1"})
    void wordsRateTheGoodBadScale(String text, int grade) {
        assertThat(RatingParser.parse(text, SurveyScale.GOOD_BAD)).map(Rating::grade).contains(grade);
    }

    @ParameterizedTest
    @CsvSource({"5", "1"})
    void digitsAreNoGradeOnTheGoodBadScale(String text) {
        assertThat(RatingParser.parse(text, SurveyScale.GOOD_BAD)).isEmpty();
    }
}
