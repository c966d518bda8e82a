package co.wpfoods.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WhatsAppSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(WhatsAppSimulatorApplication.class, args);
    }
}
