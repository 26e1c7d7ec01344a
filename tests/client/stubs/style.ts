// Stand-in for imported .css files in jsdom tests.
export default {}
