package dev.computeplan.roadef;

/** A model, assignment or solution file that does not follow the ROADEF 2012 format. */
public class RoadefFormatException extends RuntimeException {
    public RoadefFormatException(String message) {
        super(message);
    }
}
