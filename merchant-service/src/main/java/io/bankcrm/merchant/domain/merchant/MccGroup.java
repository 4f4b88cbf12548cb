package io.bankcrm.merchant.domain.merchant;

/**
 * The bank's groups of merchant categories, after the card schemes' pricing classes in China: fee split rules and
 * document requirements are set per group.
 */
public enum MccGroup {
    /** 餐娱类: restaurants, hotels, entertainment, beauty. */
    DINING_ENTERTAINMENT,
    /** 一般类: general retail and services. */
    GENERAL,
    /** 民生类: supermarkets, fuel, pharmacies, transport, utilities. */
    ESSENTIALS,
    /** 房产汽车批发类: real estate, car dealers, wholesale. */
    WHOLESALE_PROPERTY_AUTO,
    /** 公益类: hospitals, schools, charities, government. */
    PUBLIC_WELFARE
}
