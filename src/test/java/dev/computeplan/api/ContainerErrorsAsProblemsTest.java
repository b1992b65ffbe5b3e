package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerErrorsAsProblemsTest {

    @Test
    void aPercentNotFollowedByTwoHexDigitsIsMalformed() {
        for (String bad : new String[] {"/a;b=%zz", "/a%", "/a%2", "/x;jsessionid=%u002e", "/%g0"}) {
            assertThat(ContainerErrorsAsProblems.RequestLineValve.malformedEscape(bad))
                    .as(bad)
                    .isTrue();
        }
        for (String good : new String[] {"/a", "/a%20b", "/a;b=%2F", "/%c0%af", null}) {
            assertThat(ContainerErrorsAsProblems.RequestLineValve.malformedEscape(good))
                    .as(good)
                    .isFalse();
        }
    }

    @Test
    void wildcardContentTypesAreRecognised() {
        for (String wildcard : new String[] {"*/*", "application/*", "*", " */* ; charset=UTF-8"}) {
            assertThat(ContainerErrorsAsProblems.RequestLineValve.wildcardContentType(wildcard))
                    .as(wildcard)
                    .isTrue();
        }
        for (String concrete : new String[] {"application/json", "application/json; charset=*", "text/plain", null}) {
            assertThat(ContainerErrorsAsProblems.RequestLineValve.wildcardContentType(concrete))
                    .as(concrete)
                    .isFalse();
        }
    }
}
