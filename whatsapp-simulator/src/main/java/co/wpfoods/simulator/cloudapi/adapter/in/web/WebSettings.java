package co.wpfoods.simulator.cloudapi.adapter.in.web;

/**
 * What the web adapters are told from the properties: the Graph API version the chat page shows, the public base URL
 * media links are built on (blank: the request's own), and the token the subscription handshake is answered with.
 */
public record WebSettings(String graphApiVersion, String publicBaseUrl, String verifyToken) {}
