-- One database per service. The postgres image runs this once, when its data volume is empty.
create database customer;
create database segmentation;
create database crosssell;
create database merchant;
