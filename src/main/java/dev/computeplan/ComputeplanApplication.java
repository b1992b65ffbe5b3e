package dev.computeplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ComputeplanApplication {
    public static void main(String[] args) {
        SpringApplication.run(ComputeplanApplication.class, args);
    }
}
