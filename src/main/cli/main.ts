console.log('zlagoda: not yet');
